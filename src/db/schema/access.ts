import { sql } from 'drizzle-orm';
import { check, char, index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps } from './columns';
import { organizations } from './organizations';

/** Budget and powers of a key: DEVELOPER reads, PARTNER also writes its organization's records, INTERNAL everything. */
export const apiKeyTier = pgEnum('api_key_tier', ['DEVELOPER', 'PARTNER', 'INTERNAL']);

export const apiKeyScope = pgEnum('api_key_scope', ['READ', 'WRITE', 'MANAGE_KEYS']);

/**
 * API keys, stored as a SHA-256 hash of the whole key plus the display prefix shown in listings;
 * the key itself is shown once, at creation (format: src/modules/access/key-format.ts).
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: id(),
    name: text('name').notNull(),
    tier: apiKeyTier('tier').notNull(),
    scopes: apiKeyScope('scopes').array().notNull(),
    /** a partner's own organization; keys are kept (and must be revoked) before it can be deleted */
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'restrict' }),
    /** lowercase hex SHA-256 of the key */
    secretHash: char('secret_hash', { length: 64 }).notNull().unique(),
    displayPrefix: text('display_prefix').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'string' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'string' }),
    /** written in batches, so up to the flush interval behind */
    lastUsedAt: timestamp('last_used_at', { withTimezone: true, mode: 'string' }),
    ...timestamps(),
  },
  (t) => [
    index('api_keys_organization_idx').on(t.organizationId),
    index('api_keys_created_at_idx').on(t.createdAt, t.id),
    check('api_keys_name_length', sql`char_length(${t.name}) between 1 and 100`),
    check('api_keys_secret_hash_hex', sql`${t.secretHash} ~ '^[0-9a-f]{64}$'`),
    check('api_keys_partner_has_organization', sql`${t.tier} <> 'PARTNER' or ${t.organizationId} is not null`),
  ],
);
