import { getTableColumns, getTableName, sql, type SQL, type Table } from 'drizzle-orm';

/** An upsert's SET clause: each named column takes the value the conflicting insert brought. */
export function fromExcluded<T extends Table>(
  table: T,
  keys: Array<keyof T['_']['columns'] & string>,
): Record<string, SQL> {
  const columns = getTableColumns(table);
  return Object.fromEntries(keys.map((k) => [k, sql.raw(`excluded."${columns[k]!.name}"`)]));
}

/**
 * An upsert's update that rewrites only the rows it changes: SET as fromExcluded, with a condition
 * that one of those columns differs. Upserting unchanged rows (the reference data, at every start)
 * then writes nothing: no new row versions, no WAL, no triggers.
 */
export function changesFromExcluded<T extends Table>(
  table: T,
  keys: Array<keyof T['_']['columns'] & string>,
): { set: Record<string, SQL>; setWhere: SQL } {
  const columns = keys.map((k) => `"${getTableColumns(table)[k]!.name}"`);
  const stored = columns.map((column) => `"${getTableName(table)}".${column}`).join(', ');
  const incoming = columns.map((column) => `excluded.${column}`).join(', ');
  return { set: fromExcluded(table, keys), setWhere: sql.raw(`row(${stored}) is distinct from row(${incoming})`) };
}
