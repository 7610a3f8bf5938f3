// Several processes behind one address: a student's WebSocket may reach a process that does
// not host their table's room (its URL starts with the hosting process's id). That process
// forwards the connection, bytes unchanged, to the host it finds in the shared presence.
import type { Server as HttpServer, IncomingMessage } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Presence } from '@colyseus/core';
import { matchMaker } from '@colyseus/core';

const NODES = 'cashout:nodes';

export async function registerNode(presence: Presence, processId: string, host: string, port: number): Promise<void> {
  await presence.hset(NODES, processId, `${host}:${port}`);
}

export async function unregisterNode(presence: Presence, processId: string): Promise<void> {
  await presence.hdel(NODES, processId);
}

type UpgradeListener = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

export function forwardUpgrades(http: HttpServer, presence: Presence): void {
  const inner = http.listeners('upgrade').slice() as UpgradeListener[];
  http.removeAllListeners('upgrade');
  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const owner = /^\/([A-Za-z0-9_-]+)\/[A-Za-z0-9_-]+/.exec(req.url ?? '')?.[1];
    if (!owner || owner === matchMaker.processId) {
      for (const l of inner) l.call(http, req, socket, head);
      return;
    }
    void presence.hget(NODES, owner).then((address) => {
      if (!address) {
        socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
        return;
      }
      const i = address.lastIndexOf(':');
      pipeUpgrade(req, socket, head, address.slice(0, i), Number(address.slice(i + 1)));
    });
  });
}

function pipeUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, host: string, port: number): void {
  const upstream: Socket = connect(port, host, () => {
    const lines = [`${req.method} ${req.url} HTTP/1.1`];
    for (let i = 0; i < req.rawHeaders.length; i += 2) lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
    upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
    if (head.length) upstream.write(head);
    upstream.pipe(socket);
    socket.pipe(upstream);
  });
  const close = () => {
    upstream.destroy();
    socket.destroy();
  };
  upstream.on('error', close);
  socket.on('error', close);
  upstream.on('close', () => socket.destroy());
  socket.on('close', () => upstream.destroy());
}
