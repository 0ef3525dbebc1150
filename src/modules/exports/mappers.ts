import type { dataExports } from '../../db/schema';
import type { Export } from '../../generated/graphql';
import type { FieldColumns } from '../pagination/selection';

export type ExportRow = typeof dataExports.$inferSelect;

/** The success of `startExport`. */
export interface ExportStarted {
  export: ExportRow;
}

/** The columns each field of `Export` reads. */
export const EXPORT_FIELD_COLUMNS: FieldColumns<Export, ExportRow> = {
  id: ['id'],
  entity: ['entity'],
  format: ['format'],
  status: ['status'],
  rowCount: ['status', 'rowCount'],
  byteCount: ['status', 'byteCount'],
  url: ['id', 'status', 'expiresAt', 'urlSecret', 'apiKeyId'],
  expiresAt: ['expiresAt'],
  error: ['error'],
  createdAt: ['createdAt'],
  finishedAt: ['finishedAt'],
};
