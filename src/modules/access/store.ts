import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { apiKeys } from '../../db/schema';

export type ApiKeyRow = typeof apiKeys.$inferSelect;
export type NewApiKeyRow = typeof apiKeys.$inferInsert;

export async function insertApiKey(db: Db, key: NewApiKeyRow): Promise<ApiKeyRow> {
  const [row] = await db.insert(apiKeys).values(key).returning();
  return row!;
}

/** The key whose secret hashes to `secretHash`, revoked and expired ones included; null when none. */
export async function findApiKeyByHash(db: Db, secretHash: string): Promise<ApiKeyRow | null> {
  const [row] = await db.select().from(apiKeys).where(eq(apiKeys.secretHash, secretHash));
  return row ?? null;
}

export async function findApiKeyById(db: Db, id: string): Promise<ApiKeyRow | null> {
  const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, id));
  return row ?? null;
}

/** The keys whose display prefix starts with `prefix`, newest first. */
export async function findApiKeysByDisplayPrefix(db: Db, prefix: string): Promise<ApiKeyRow[]> {
  return db
    .select()
    .from(apiKeys)
    .where(sql`starts_with(${apiKeys.displayPrefix}, ${prefix})`)
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
}

/** Every key, newest first; revoked ones only when asked. */
export async function listApiKeys(db: Db, options: { includeRevoked: boolean }): Promise<ApiKeyRow[]> {
  return db
    .select()
    .from(apiKeys)
    .where(options.includeRevoked ? undefined : isNull(apiKeys.revokedAt))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
}

/** Revokes the key unless it already is; either way returns it as it now stands (null when absent). */
export async function revokeApiKey(db: Db, id: string): Promise<ApiKeyRow | null> {
  const [revoked] = await db
    .update(apiKeys)
    .set({ revokedAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning();
  return revoked ?? findApiKeyById(db, id);
}

/** Moves each key's last use forward to the time given (never back), in one statement. */
export async function recordApiKeyUses(db: Db, uses: ReadonlyMap<string, Date>): Promise<void> {
  if (uses.size === 0) return;
  const ids = [...uses.keys()];
  // bound as text: postgres.js cannot serialise a timestamptz[] parameter
  const ats = [...uses.values()].map((d) => d.toISOString());
  await db.execute(sql`
    update ${apiKeys} set last_used_at = u.at
    from unnest(${sql.param(ids)}::uuid[], ${sql.param(ats)}::text[]::timestamptz[]) as u(id, at)
    where ${apiKeys.id} = u.id and (${apiKeys.lastUsedAt} is null or ${apiKeys.lastUsedAt} < u.at)`);
}
