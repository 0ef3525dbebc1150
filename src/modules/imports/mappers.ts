import type { importErrors, imports } from '../../db/schema';
import type { ImportError } from '../../generated/graphql';
import type { FieldColumns } from '../pagination/selection';

export type ImportRow = typeof imports.$inferSelect;
export type ImportErrorRow = typeof importErrors.$inferSelect;

/** The success of `importRecords`. */
export interface ImportWritten {
  import: ImportRow;
}

export const IMPORT_ERROR_FIELD_COLUMNS: FieldColumns<ImportError, ImportErrorRow> = {
  line: ['line'],
  field: ['field'],
  code: ['code'],
  message: ['message'],
};
