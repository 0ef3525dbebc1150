import type { importErrors, imports } from '../../db/schema';

export type ImportRow = typeof imports.$inferSelect;
export type ImportErrorRow = typeof importErrors.$inferSelect;

/** The success of `importRecords`. */
export interface ImportWritten {
  import: ImportRow;
}
