import { index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { id } from './columns';
import { apiKeys } from './access';
import { organizations } from './organizations';

export const importEntity = pgEnum('import_entity', [
  'DONATIONS',
  'DISBURSEMENTS',
  'PROJECT_REPORTS',
  'TRAINING_SESSIONS',
]);

/** ALL_OR_NOTHING writes nothing when any row is bad; VALID_ROWS_ONLY writes the good ones. */
export const importMode = pgEnum('import_mode', ['ALL_OR_NOTHING', 'VALID_ROWS_ONLY']);

export const importStatus = pgEnum('import_status', ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED']);

export const importFormat = pgEnum('import_format', ['CSV', 'JSONL']);

/** A bulk import of records from one CSV or JSONL file. */
export const imports = pgTable(
  'imports',
  {
    id: id(),
    entity: importEntity('entity').notNull(),
    mode: importMode('mode').notNull(),
    /** null for imports made before they ran on the job queue */
    format: importFormat('format'),
    /** the uploaded file while it waits on the job queue; deleted once the import has run */
    uploadPath: text('upload_path'),
    status: importStatus('status').notNull().default('RUNNING'),
    /** data rows read, the header excluded */
    rowCount: integer('row_count').notNull().default(0),
    writtenCount: integer('written_count').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    /** the key that sent it; null for the command line */
    apiKeyId: uuid('api_key_id').references(() => apiKeys.id, { onDelete: 'restrict' }),
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'restrict' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'string' }),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [index('imports_api_key_id_created_at_idx').on(t.apiKeyId, t.createdAt)],
);

/** A bad row of an import: its line in the file, the column at fault and why. */
export const importErrors = pgTable(
  'import_errors',
  {
    id: id(),
    importId: uuid('import_id')
      .notNull()
      .references(() => imports.id, { onDelete: 'cascade' }),
    /** 1-based line of the file where the row starts; the header is line 1 */
    line: integer('line').notNull(),
    /** the column (CSV) or key (JSONL) at fault; null when no single one is */
    field: text('field'),
    code: text('code').notNull(),
    message: text('message').notNull(),
  },
  (t) => [index('import_errors_import_id_line_id_idx').on(t.importId, t.line, t.id)],
);
