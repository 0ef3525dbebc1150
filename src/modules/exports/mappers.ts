import type { dataExports } from '../../db/schema';

export type ExportRow = typeof dataExports.$inferSelect;

/** The success of `startExport`. */
export interface ExportStarted {
  export: ExportRow;
}
