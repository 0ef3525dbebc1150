import type { recordEntity } from '../../db/schema';
import { toGlobalId, type NodeType } from '../node/global-id';

export type RecordEntity = (typeof recordEntity.enumValues)[number];

/** How each field a history shows is read off a record's row, as the API shows it; null when empty. */
export type HistoryFields<Row> = Record<string, (row: Row) => string | null>;

/** A field holding a row id, shown as the global ID of `type`. */
export const idField =
  <Row>(type: NodeType, read: (row: Row) => string | null) =>
  (row: Row): string | null => {
    const id = read(row);
    return id === null ? null : toGlobalId(type, id);
  };

/** A list field, shown as its JSON. */
export const listField =
  <Row>(read: (row: Row) => readonly string[]) =>
  (row: Row): string | null =>
    JSON.stringify(read(row));

/** What changed between two versions of a row: each changed field's value before and after. */
export interface FieldChanges {
  before: Record<string, string | null> | null;
  after: Record<string, string | null>;
}

/** The fields that differ between `before` and `after`; at creation (`before` null) every field given. */
export function fieldChanges<Row>(fields: HistoryFields<Row>, before: Row | null, after: Row): FieldChanges {
  const was: Record<string, string | null> = {};
  const is: Record<string, string | null> = {};
  for (const [name, read] of Object.entries(fields)) {
    const value = read(after);
    if (before === null) {
      if (value !== null) is[name] = value;
      continue;
    }
    const old = read(before);
    if (old !== value) {
      was[name] = old;
      is[name] = value;
    }
  }
  return { before: before === null ? null : was, after: is };
}
