import type { Db } from '../../db/client';
import { UnauthenticatedError } from '../../errors';
import { fromDatabaseInstant } from '../scalars/dates';
import { hashKey, keyFormatProblem } from './key-format';
import type { LastUseRecorder } from './last-use';
import { findApiKeyByHash, type ApiKeyRow } from './store';

/**
 * The key an `Authorization` header names, or null for an anonymous caller (no header).
 * A header that is not `Bearer <key>`, or a key that is malformed, unknown, revoked or expired,
 * is UNAUTHENTICATED: a caller who sent a key must not be served as someone else.
 */
export async function authenticate(
  db: Db,
  authorization: string | undefined,
  lastUse: LastUseRecorder,
  now = new Date(),
): Promise<ApiKeyRow | null> {
  if (authorization === undefined || authorization === '') return null;
  const match = /^Bearer +(\S+) *$/i.exec(authorization);
  if (!match) throw new UnauthenticatedError('missing: the Authorization header must be `Bearer <key>`');
  const secret = match[1]!;
  const problem = keyFormatProblem(secret);
  if (problem) throw new UnauthenticatedError(problem);
  const key = await findApiKeyByHash(db, hashKey(secret));
  if (!key) throw new UnauthenticatedError('is not known');
  if (key.revokedAt !== null) throw new UnauthenticatedError(`${key.displayPrefix}… was revoked`);
  const expiresAt = key.expiresAt === null ? null : fromDatabaseInstant(key.expiresAt);
  if (expiresAt !== null && expiresAt <= now) {
    throw new UnauthenticatedError(`${key.displayPrefix}… expired at ${expiresAt.toISOString()}`);
  }
  lastUse.note(key.id, now);
  return key;
}
