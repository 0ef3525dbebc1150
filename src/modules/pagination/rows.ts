import { getTableColumns, sql, type Column, type InferSelectModel, type SQL } from 'drizzle-orm';
import type { PagedTable } from './store';

/** Some columns of a table: what a list selects, and how its rows are read back. */
export interface Projection<T extends PagedTable> {
  /** the columns' keys in table order, comma-joined: lists reading the same columns share statements */
  key: string;
  /** the select list, `"table"."column", …` */
  select: SQL;
  /**
   * A raw snake_case row to the Drizzle select model, the same on both drivers. Only the selected
   * keys are set: a resolver may read only what its field's entry in a `FieldColumns` names.
   */
  decode: (raw: Record<string, unknown>) => InferSelectModel<T>;
}

/** The projection of `table` onto `keys` and its `id`. */
export function projectionOf<T extends PagedTable>(table: T, keys: ReadonlySet<string>): Projection<T> {
  const columns = (Object.entries(getTableColumns(table)) as Array<[string, Column]>).filter(
    ([key]) => key === 'id' || keys.has(key),
  );
  return {
    key: columns.map(([key]) => key).join(','),
    select: sql.join(
      columns.map(([, column]) => sql`${column}`),
      sql`, `,
    ),
    decode: (raw) => {
      const row: Record<string, unknown> = {};
      for (const [key, column] of columns) {
        const value = raw[column.name];
        row[key] = value == null ? null : column.mapFromDriverValue(value);
      }
      return row as InferSelectModel<T>;
    },
  };
}
