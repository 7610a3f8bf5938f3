// `npm run classroom [-- --port 2567 --data classroom-data --redis redis://127.0.0.1:6379]`:
// builds the game if its build is missing or older than the sources, then runs the
// classroom server and says how students and the instructor reach it.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type ClassroomOptions, startClassroom } from './server.ts';
import { staticApp } from './static-files.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const USAGE = `Usage: npm run classroom -- [--port 2567] [--host 0.0.0.0] [--data classroom-data] [--redis redis://127.0.0.1:6379] [--no-build]`;

/** Newest modification time of anything the browser build is made from. */
function newestSource(): number {
  let newest = 0;
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) for (const f of readdirSync(p)) walk(join(p, f));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of ['src', 'scenarios', 'index.html', 'vite.config.ts', 'package.json']) walk(join(ROOT, p));
  return newest;
}

function buildIfNeeded(dist: string, out: (s: string) => void): boolean {
  const index = join(dist, 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newestSource()) return true;
  out('classroom: building the game (vite build)…');
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  return r.status === 0;
}

export async function main(argv: string[]): Promise<number> {
  const out = (s: string) => process.stdout.write(`${s}\n`);
  const options = {
    port: { type: 'string', default: '2567' },
    host: { type: 'string', default: '0.0.0.0' },
    data: { type: 'string', default: 'classroom-data' },
    redis: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  } as const;
  let values: ReturnType<typeof parseArgs<{ args: string[]; options: typeof options; strict: true }>>['values'];
  try {
    ({ values } = parseArgs({
      args: argv,
      options,
      strict: true,
    }));
  } catch (e) {
    process.stderr.write(`classroom: ${e instanceof Error ? e.message : String(e)}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    out(USAGE);
    return 0;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`classroom: --port must be a port number (0-65535), not "${values.port}".\n`);
    return 2;
  }
  const dist = join(ROOT, 'dist', 'web');
  if (!values['no-build'] && !buildIfNeeded(dist, out)) {
    process.stderr.write('classroom: the game could not be built; see the messages above.\n');
    return 1;
  }
  const opts: ClassroomOptions = {
    port,
    host: values.host,
    dataDir: resolve(values.data),
    scenariosDir: join(ROOT, 'scenarios'),
    app: staticApp(dist),
    ...(values.redis ? { redis: values.redis } : {}),
  };
  let server: Awaited<ReturnType<typeof startClassroom>>;
  try {
    server = await startClassroom(opts);
  } catch (e) {
    const code = (e as { code?: string }).code;
    process.stderr.write(
      code === 'EADDRINUSE'
        ? `classroom: port ${port} is in use (another classroom server?). Stop it, or choose another with --port.\n`
        : `classroom: could not start: ${e instanceof Error ? e.message : String(e)}\n`,
    );
    return 1;
  }
  const local = `http://localhost:${server.port}`;
  out('');
  out('Cashout classroom server');
  out(`  Students open   ${server.urls.filter((u) => !u.includes('localhost')).join('  ') || server.urls.join('  ')}  and type the join code.`);
  out(`  Instructor      open ${local}/ and choose "Run a class session", or:`);
  out(`                  curl -s -X POST ${local}/api/sessions -H 'Content-Type: application/json' -d '{"scenario":"tutorial","tables":3}'`);
  out(`  Logs            ${join(opts.dataDir, 'sessions', '<CODE>', 'table-N.json')} (replays; check with: npx cashout replay verify FILE --key ${join(opts.dataDir, 'server.key')})`);
  if (server.restored.length) out(`  Restored        ${server.restored.map((r) => `${r.code} (${r.tables} table${r.tables === 1 ? '' : 's'})`).join(', ')}`);
  for (const p of server.problems) out(`  Problem         ${p}`);
  out('Press Ctrl+C to stop; sessions come back from their logs when you start it again.');
  const stop = () => {
    out('classroom: stopping…');
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return new Promise<number>(() => {});
}
