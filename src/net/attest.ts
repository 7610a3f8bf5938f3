// Server attestation of a classroom replay (Node only: node:crypto). The server holds a
// random key that never leaves it; for every log it serves, it computes
// HMAC-SHA256(key, canonical JSON of the replay without its `attestation` member). Anyone
// holding the same key file can check the file later: `cashout replay verify --key`.
//
// What a valid MAC proves: this exact replay (scenario, seed, every decision, every turn
// hash, the class note) was produced by a server holding this key, and nothing in it has
// been changed since. What it does not prove: who sat at which seat, that the game ran to
// its end (an attested earlier version of the same log is also valid; compare turn counts),
// when it was played, or anything to someone who does not trust the key's holder (an HMAC
// is symmetric: whoever can check it could also forge it). Whether the decisions follow
// the rules is what `replay verify` itself checks, with or without a key.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { canonicalJson } from '../engine/hash.ts';
import type { ReplayAttestation, ReplayFile } from '../engine/replay.ts';

export const KEY_BYTES = 32;

export function newAttestationKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

export function keyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/** The bytes a MAC covers: the replay's canonical JSON (sorted keys), attestation left out. */
export function attestedPayload(replay: ReplayFile): string {
  const { attestation: _ignored, ...rest } = replay;
  return canonicalJson(rest);
}

export function attest(replay: ReplayFile, key: Buffer): ReplayAttestation {
  return { alg: 'HMAC-SHA256', keyId: keyId(key), mac: createHmac('sha256', key).update(attestedPayload(replay)).digest('hex') };
}

export type AttestationCheck =
  | { ok: true; keyId: string }
  | { ok: false; problem: 'missing' | 'other-key' | 'mac-differs'; message: string };

export function checkAttestation(replay: ReplayFile, key: Buffer): AttestationCheck {
  const a = replay.attestation;
  if (!a)
    return { ok: false, problem: 'missing', message: 'The file carries no server attestation (it was not produced by a classroom server, or the attestation was removed).' };
  const id = keyId(key);
  if (a.keyId !== id)
    return {
      ok: false,
      problem: 'other-key',
      message: `The file was attested with key ${a.keyId}, not with this key (${id}): use the key file of the server that ran the class.`,
    };
  const expected = Buffer.from(attest(replay, key).mac, 'hex');
  const given = Buffer.from(a.mac, 'hex');
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return {
      ok: false,
      problem: 'mac-differs',
      message: 'The server attestation does not match the file: something in it was changed after the server wrote it.',
    };
  return { ok: true, keyId: id };
}
