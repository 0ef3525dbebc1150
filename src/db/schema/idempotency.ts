import { sql } from 'drizzle-orm';
import { char, check, json, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { apiKeys } from './access';

/**
 * `Idempotency-Key`s, per API key (Stripe's semantics). A row is claimed, committed on its own,
 * before a write starts (`lock_token` set); the response is stored and the claim released in the
 * write's own transaction, so a response is stored exactly when its writes commit. Kept 24 hours.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    apiKeyId: uuid('api_key_id')
      .notNull()
      .references(() => apiKeys.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    /** lowercase hex SHA-256 of the request: operation, its name and its variables */
    requestHash: char('request_hash', { length: 64 }).notNull(),
    /** the running request's claim; null once its response is stored */
    lockToken: uuid('lock_token'),
    lockedAt: timestamp('locked_at', { withTimezone: true, mode: 'string' }),
    /** the first response's status and body, replayed to every retry; json, not jsonb, keeps its fields' order */
    response: json('response'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.apiKeyId, t.key] }),
    check('idempotency_keys_key_length', sql`char_length(${t.key}) between 1 and 255`),
    check('idempotency_keys_claimed_or_answered', sql`(${t.lockToken} is null) <> (${t.response} is null)`),
  ],
);
