import { sql } from 'drizzle-orm';
import { integer, numeric, pgEnum, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sources } from './sources';

/** Where a record came from: published reporting, this API's writers, or generated data. */
export const provenanceKind = pgEnum('provenance_kind', ['REPORTED', 'SUBMITTED', 'SYNTHETIC']);

/** yuan with exact fen; never a float. */
export const yuan = (name: string) => numeric(name, { precision: 18, scale: 2 });

/** Primary key; seeded rows use deterministic UUIDs so loading twice changes nothing. */
export const id = () =>
  uuid('id')
    .primaryKey()
    .default(sql`gen_random_uuid()`);

/** The provenance pair every record carries; the source is kept while anything cites it. */
export const provenance = () => ({
  provenanceKind: provenanceKind('provenance_kind').notNull(),
  sourceId: uuid('source_id').references(() => sources.id, { onDelete: 'restrict' }),
});

export const timestamps = () => ({
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});

/** A writable record's version: 1 when created, one more with each change (history holds each). */
export const version = () => ({ version: integer('version').notNull().default(1) });
