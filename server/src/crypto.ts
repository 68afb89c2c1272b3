/**
 * Randomness and hashing for secrets: tokens from the CSPRNG, only hashes stored, keyed hashes for
 * low-entropy secrets (SMS codes, emails), constant-time comparison.
 */
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** `bytes` random bytes as base64url (32 bytes give 43 characters, 256 bits). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** A Stripe-looking public id, `prefix_` and `length` base-62 characters from the CSPRNG. */
export function randomId(prefix: string, length = 24): string {
  let s = '';
  for (let i = 0; i < length; i++) s += ALPHANUMERIC[randomInt(62)];
  return `${prefix}_${s}`;
}

/** `length` decimal digits from the CSPRNG, leading zeros kept (`'004217'`). */
export function randomDigits(length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += String(randomInt(10));
  return s;
}

/** A float in [0, 1) from the CSPRNG, for the demo generator's helpers that take `rand()`. */
export function cryptoRandom(): number {
  return randomInt(2 ** 32) / 2 ** 32;
}

/**
 * SHA-256 of a high-entropy secret (login-link tokens, session ids): what the database keeps
 * instead of the secret. Guessing is hopeless at 256 bits, so no key or slow hash is needed.
 */
export function sha256(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

/**
 * HMAC-SHA-256 with the server's key: for low-entropy values (a 6-digit code, an email) whose
 * plain hash a stolen database would give away by brute force.
 */
export function keyedHash(key: Buffer, ...parts: string[]): Buffer {
  const h = createHmac('sha256', key);
  for (const p of parts) h.update(`${p.length}:${p}`, 'utf8'); // length-prefixed: no ambiguity
  return h.digest();
}

/** Constant-time equality of two digests (false for different lengths, without leaking which byte differs). */
export function digestsEqual(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
