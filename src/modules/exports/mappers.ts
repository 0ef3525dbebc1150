import type { exports } from '../../db/schema';

export type ExportRow = typeof exports.$inferSelect;

/** The success of `startExport`. */
export interface ExportStarted {
  export: ExportRow;
}
