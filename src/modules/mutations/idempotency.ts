import { createHash, randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import stringify from 'safe-stable-stringify';
import type { Db } from '../../db/client';
import { idempotencyKeys } from '../../db/schema';
import type { UserErrorShape } from './user-error';

/** How long a key is kept: a retry within it replays the first response. */
export const IDEMPOTENCY_KEY_HOURS = 24;

/** A claim this old is taken to be a crashed request's: another with the same request may take it over. */
const STALE_CLAIM_SECONDS = 120;

/** A response as replayed: its HTTP status and the body's `data` and `errors`. */
export interface StoredResponse {
  status: number;
  body: { data?: unknown; errors?: unknown };
}

/** What a key's request may do: run, holding the claim; replay a stored response; or be refused. */
export type Claim =
  | { kind: 'claimed'; token: string }
  | { kind: 'replay'; response: StoredResponse }
  | { kind: 'refused'; error: UserErrorShape };

/** An `Idempotency-Key` header's value, checked: 1–255 characters. */
export function isIdempotencyKey(value: string): boolean {
  return value.length >= 1 && value.length <= 255;
}

/** SHA-256 of what makes two requests the same: the document, the operation named, the variables. */
export function requestHash(query: string, operationName: string | null | undefined, variables: unknown): string {
  return createHash('sha256')
    .update(stringify({ query, operationName: operationName ?? null, variables: variables ?? {} }) ?? '')
    .digest('hex');
}

/**
 * Claims `key` for a request, in one statement that commits on its own: a new key (or one older
 * than 24 hours, or a stale claim of the same request) is claimed; otherwise the row decides,
 * read after the insert lost the race to its unique constraint.
 */
export async function claimIdempotencyKey(db: Db, apiKeyId: string, key: string, hash: string): Promise<Claim> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const token = randomUUID();
    const claimed = await db
      .insert(idempotencyKeys)
      .values({ apiKeyId, key, requestHash: hash, lockToken: token, lockedAt: sql`now()` })
      .onConflictDoUpdate({
        target: [idempotencyKeys.apiKeyId, idempotencyKeys.key],
        set: { requestHash: hash, lockToken: token, lockedAt: sql`now()`, response: null, createdAt: sql`now()` },
        setWhere: sql`${idempotencyKeys.createdAt} < now() - make_interval(hours => ${IDEMPOTENCY_KEY_HOURS})
          or (${idempotencyKeys.lockToken} is not null and ${idempotencyKeys.requestHash} = ${hash}
              and ${idempotencyKeys.lockedAt} < now() - make_interval(secs => ${STALE_CLAIM_SECONDS}))`,
      })
      .returning({ token: idempotencyKeys.lockToken });
    if (claimed.length > 0) return { kind: 'claimed', token };
    const [row] = await db
      .select({
        requestHash: idempotencyKeys.requestHash,
        lockToken: idempotencyKeys.lockToken,
        response: idempotencyKeys.response,
      })
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.apiKeyId, apiKeyId), eq(idempotencyKeys.key, key)));
    // released by a failed request between the two statements: claim again
    if (!row) continue;
    if (row.requestHash !== hash) {
      return {
        kind: 'refused',
        error: {
          code: 'IDEMPOTENCY_KEY_REUSED',
          field: null,
          message: 'this Idempotency-Key was used with a different request; use a new key for a new request',
        },
      };
    }
    if (row.lockToken !== null) {
      return {
        kind: 'refused',
        error: {
          code: 'IDEMPOTENCY_KEY_IN_USE',
          field: null,
          message: 'a request with this Idempotency-Key is still running; retry once it has finished',
        },
      };
    }
    return { kind: 'replay', response: row.response as StoredResponse };
  }
  throw new Error('an Idempotency-Key was claimed and released three times in a row');
}

/**
 * Stores the response of the claim `token` and releases it, in the transaction of the request's
 * writes; false when the claim was taken over meanwhile, and the writes must not commit.
 */
export async function storeIdempotentResponse(
  tx: Db,
  apiKeyId: string,
  key: string,
  token: string,
  response: StoredResponse,
): Promise<boolean> {
  const stored = await tx
    .update(idempotencyKeys)
    .set({ response, lockToken: null, lockedAt: null })
    .where(
      and(eq(idempotencyKeys.apiKeyId, apiKeyId), eq(idempotencyKeys.key, key), eq(idempotencyKeys.lockToken, token)),
    )
    .returning({ key: idempotencyKeys.key });
  return stored.length > 0;
}

/** Gives up the claim `token` after a request that wrote nothing, so a retry runs afresh. */
export async function releaseIdempotencyKey(db: Db, apiKeyId: string, key: string, token: string): Promise<void> {
  await db
    .delete(idempotencyKeys)
    .where(
      and(eq(idempotencyKeys.apiKeyId, apiKeyId), eq(idempotencyKeys.key, key), eq(idempotencyKeys.lockToken, token)),
    );
}

/** Deletes keys past their 24 hours; claims are reused after that anyway, this only frees the space. */
export async function deleteExpiredIdempotencyKeys(db: Db): Promise<number> {
  const deleted = await db
    .delete(idempotencyKeys)
    .where(sql`${idempotencyKeys.createdAt} < now() - make_interval(hours => ${IDEMPOTENCY_KEY_HOURS})`)
    .returning({ key: idempotencyKeys.key });
  return deleted.length;
}
