import { createHash, randomInt } from 'node:crypto';
import { crc32 } from 'node:zlib';

/**
 * API key format, version 1 (GitHub's token scheme, with our prefix):
 *
 *     gyk1_ <32 random base62 characters> <6 base62 characters of CRC-32>
 *     gyk1_Xq3v8LmP0aZr7TtB2nYc9KdWfE4hJs1U 0dq8Zk
 *
 * `gyk` (gongyi key) and the version digit make a leaked key recognisable to secret scanners
 * (`\bgyk1_[0-9A-Za-z]{38}\b`); the checksum, over everything before it, lets a typo be refused
 * without a database look-up. 32 base62 characters carry 190 bits of randomness. The database
 * keeps only the SHA-256 of the whole key and the display prefix (`gyk1_` + 8 characters).
 */
const PREFIX = 'gyk1_';
const RANDOM_LENGTH = 32;
const CHECKSUM_LENGTH = 6;
const DISPLAY_LENGTH = PREFIX.length + 8;
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SHAPE = new RegExp(`^${PREFIX}[0-9A-Za-z]{${RANDOM_LENGTH + CHECKSUM_LENGTH}}$`);

/** CRC-32 of `body` in base62, left-padded to six characters (62^6 > 2^32). */
function checksum(body: string): string {
  let n = crc32(body);
  let out = '';
  for (let i = 0; i < CHECKSUM_LENGTH; i++) {
    out = BASE62[n % 62] + out;
    n = Math.floor(n / 62);
  }
  return out;
}

export interface NewKey {
  /** the key, shown once */
  secret: string;
  secretHash: string;
  displayPrefix: string;
}

export function generateKey(): NewKey {
  let body = PREFIX;
  for (let i = 0; i < RANDOM_LENGTH; i++) body += BASE62[randomInt(62)];
  const secret = body + checksum(body);
  return { secret, secretHash: hashKey(secret), displayPrefix: displayPrefix(secret) };
}

/** Why a string cannot be one of our keys, or null when its shape and checksum hold. */
export function keyFormatProblem(candidate: string): string | null {
  if (!candidate.startsWith('gyk')) return 'is not a gongyi-graph API key (keys start with gyk1_)';
  if (!SHAPE.test(candidate)) return `is malformed: a key is ${PREFIX} followed by 38 letters and digits`;
  const body = candidate.slice(0, -CHECKSUM_LENGTH);
  if (checksum(body) !== candidate.slice(-CHECKSUM_LENGTH)) return 'has a checksum that does not match (mistyped?)';
  return null;
}

/** Lowercase hex SHA-256: what the database stores and looks keys up by. */
export function hashKey(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function displayPrefix(secret: string): string {
  return secret.slice(0, DISPLAY_LENGTH);
}
