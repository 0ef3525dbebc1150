import type { RecordChange } from '../../generated/graphql';
import type { FieldColumns } from '../pagination/selection';
import type { recordChanges } from '../../db/schema';

export type RecordChangeRow = typeof recordChanges.$inferSelect;

/** One field of a change. */
export interface FieldChangeShape {
  field: string;
  before: string | null;
  after: string | null;
}

/** What each RecordChange field reads of its row; lists of changes select only these. */
export const RECORD_CHANGE_FIELD_COLUMNS: FieldColumns<RecordChange, RecordChangeRow> = {
  id: ['id'],
  entity: ['entity'],
  record: ['entity', 'recordId'],
  version: ['version'],
  changedAt: ['changedAt'],
  actor: ['actorName', 'actorOrganizationId'],
  action: ['action'],
  reason: ['reason'],
  changes: ['before', 'after'],
};
