import { getTableColumns, type Column, type InferSelectModel, type Table } from 'drizzle-orm';

type Decoder<T extends Table> = (raw: Record<string, unknown>) => InferSelectModel<T>;

const decoders = new WeakMap<Table, Decoder<Table>>();

/** Turns a raw snake_case row of `table` into its Drizzle select model, the same on both drivers. */
export function rowDecoder<T extends Table>(table: T): Decoder<T> {
  let decoder = decoders.get(table);
  if (!decoder) {
    decoder = makeDecoder(table);
    decoders.set(table, decoder);
  }
  return decoder as Decoder<T>;
}

function makeDecoder<T extends Table>(table: T): Decoder<T> {
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
