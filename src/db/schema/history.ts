import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { id } from './columns';
import { apiKeys } from './access';
import { organizations } from './organizations';
import { sources } from './sources';

/** The records the API writes, each with versions and history. */
export const recordEntity = pgEnum('record_entity', [
  'DONATION',
  'PROJECT',
  'PROJECT_REPORT',
  'TRAINING_SESSION',
  'GOVERNANCE_METRIC',
]);

/** PostgreSQL's 64-bit transaction id (`pg_current_xact_id()`), which never wraps; read as its decimal text. */
const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => 'xid8' });

export const changeAction = pgEnum('change_action', [
  'CREATED',
  'UPDATED',
  'DISBURSED',
  'VERIFIED',
  'CORRECTED',
  'CANCELLED',
]);

/**
 * One row per version of a written record, written in the transaction that made the version:
 * who changed what, and each changed field's value before and after, keyed by its GraphQL name
 * and written as the API shows it (decimals and dates as strings). Never updated or deleted.
 */
export const recordChanges = pgTable(
  'record_changes',
  {
    id: id(),
    entity: recordEntity('entity').notNull(),
    /** the changed record's id in its entity's table */
    recordId: uuid('record_id').notNull(),
    version: integer('version').notNull(),
    action: changeAction('action').notNull(),
    /** why, as the writer said; required for corrections and cancellations */
    reason: text('reason'),
    /** the key that wrote it; null for the command line */
    actorKeyId: uuid('actor_key_id').references(() => apiKeys.id, { onDelete: 'restrict' }),
    /** the key's name when written, or the command line's user */
    actorName: text('actor_name').notNull(),
    actorOrganizationId: uuid('actor_organization_id').references(() => organizations.id, { onDelete: 'restrict' }),
    /** changed fields' values before; null for a creation */
    before: jsonb('before').$type<Record<string, string | null>>(),
    /** changed fields' values after */
    after: jsonb('after').$type<Record<string, string | null>>().notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    /** insertion order, within a transaction and across them; the change feed's tie-break */
    position: bigint('position', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    /** the writing transaction; its commit's place in the feed is in `change_commits` */
    transactionId: xid8('transaction_id')
      .notNull()
      .default(sql`pg_current_xact_id()`),
  },
  (t) => [
    index('record_changes_transaction_id_position_idx').on(t.transactionId, t.position),
    unique('record_changes_record_version_key').on(t.recordId, t.version),
    check('record_changes_version_positive', sql`${t.version} >= 1`),
    index('record_changes_changed_at_id_idx').on(t.changedAt, t.id),
    index('record_changes_actor_organization_id_changed_at_idx').on(t.actorOrganizationId, t.changedAt, t.id),
  ],
);

/**
 * The source that records written through the API cite: one per organization writing, published
 * by it, and one (organization null) for staff keys acting for none.
 */
export const submissionSources = pgTable('submission_sources', {
  sourceId: uuid('source_id')
    .primaryKey()
    .references(() => sources.id, { onDelete: 'cascade' }),
  organizationId: uuid('organization_id')
    .unique()
    .references(() => organizations.id, { onDelete: 'restrict' }),
});

/**
 * One row per transaction that wrote history, numbered in commit order: a statement trigger on
 * `record_changes` registers the transaction, and a deferred trigger numbers it at commit while
 * holding a lock that the next committing writer waits for, so `sequence` order is commit order
 * and a reader never sees a number before every smaller one has committed (or rolled back). The
 * change feed reads history in (sequence, position) order (migrations/0004_change_commits.sql).
 */
export const changeCommits = pgTable('change_commits', {
  transactionId: xid8('transaction_id').primaryKey(),
  /** null until the transaction commits */
  sequence: bigint('sequence', { mode: 'number' }).unique(),
  committedAt: timestamp('committed_at', { withTimezone: true, mode: 'string' }),
});
