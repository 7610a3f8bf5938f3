// Join codes, facilitator keys and seat secrets. Codes are short enough to read off a
// projector; keys and secrets are 128-bit random and stored only as SHA-256 hashes, so a
// copy of classroom-data/ does not let anyone act as a facilitator or take a seat.
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { CODE_ALPHABET } from '../net/protocol.ts';

export const CODE_LENGTH = 6;

export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** A facilitator key: 128 bits, in groups an instructor can copy by hand if they must. */
export function newFacilitatorKey(): string {
  return randomBytes(16).toString('hex').replace(/(.{8})(?=.)/g, '$1-');
}

export function newSeatSecret(): string {
  return randomBytes(16).toString('hex');
}

export function secretHash(secret: string): string {
  return createHash('sha256').update(secret.replace(/-/g, '').toLowerCase()).digest('hex');
}

/** Constant-time comparison of a presented secret with a stored hash. */
export function sameSecret(presented: string, storedHash: string): boolean {
  const a = Buffer.from(secretHash(presented), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
