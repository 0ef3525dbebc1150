import { sql } from 'drizzle-orm';
import { bigint, check, customType, index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { id } from './columns';
import { apiKeys } from './access';

/** The lists an export can hold, each with exactly its list's filter. */
export const exportEntity = pgEnum('export_entity', [
  'ORGANIZATIONS',
  'PROJECTS',
  'DONATIONS',
  'TRAINING_SESSIONS',
  'GOVERNANCE_METRICS',
]);

/** CSV (UTF-8 with BOM), JSON Lines, or a 360Giving data package (donations only). */
export const exportFormat = pgEnum('export_format', ['CSV', 'JSONL', 'GIVING360_JSON']);

export const exportStatus = pgEnum('export_status', ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED']);

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/** A bulk export of one list to a file under EXPORT_DIR, downloadable by the key that asked for 24 hours. */
export const dataExports = pgTable(
  'exports',
  {
    id: id(),
    apiKeyId: uuid('api_key_id')
      .notNull()
      .references(() => apiKeys.id, { onDelete: 'cascade' }),
    entity: exportEntity('entity').notNull(),
    format: exportFormat('format').notNull(),
    /** the list's filter as the client gave it, after coercion */
    filter: jsonb('filter').$type<Record<string, unknown>>().notNull(),
    status: exportStatus('status').notNull().default('QUEUED'),
    /** records written; null until the export succeeds */
    rowCount: bigint('row_count', { mode: 'number' }),
    /** the file's size in bytes once written */
    byteCount: bigint('byte_count', { mode: 'number' }),
    /** the file's name under EXPORT_DIR once written */
    fileName: text('file_name'),
    /** why it failed, as the client may read it */
    error: text('error'),
    /** HMAC key of this export's download URLs (32 random bytes), never shown */
    urlSecret: bytea('url_secret').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'string' }),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'string' }),
    /** when the file is deleted and its URL stops working: 24 hours after it was written */
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [
    index('exports_api_key_id_created_at_idx').on(t.apiKeyId, t.createdAt, t.id),
    index('exports_expires_at_idx').on(t.expiresAt),
    check('exports_giving360_donations_only', sql`${t.format} <> 'GIVING360_JSON' or ${t.entity} = 'DONATIONS'`),
  ],
);
