import { getTableColumns, type Column, type InferSelectModel, type Table } from 'drizzle-orm';

/** Turns a raw snake_case row of `table` into its Drizzle select model, the same on both drivers. */
export function rowDecoder<T extends Table>(table: T): (raw: Record<string, unknown>) => InferSelectModel<T> {
  const columns = Object.entries(getTableColumns(table)) as Array<[string, Column]>;
  return (raw) => {
    const row: Record<string, unknown> = {};
    for (const [key, column] of columns) {
      const value = raw[column.name];
      row[key] = value == null ? null : column.mapFromDriverValue(value);
    }
    return row as InferSelectModel<T>;
  };
}
