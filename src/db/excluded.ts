import { getTableColumns, sql, type SQL, type Table } from 'drizzle-orm';

/** An upsert's SET clause: each named column takes the value the conflicting insert brought. */
export function fromExcluded<T extends Table>(
  table: T,
  keys: Array<keyof T['_']['columns'] & string>,
): Record<string, SQL> {
  const columns = getTableColumns(table);
  return Object.fromEntries(keys.map((k) => [k, sql.raw(`excluded."${columns[k]!.name}"`)]));
}
