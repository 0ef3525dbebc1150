import { randomUUID } from 'node:crypto';
import { getTableColumns, getTableName, sql, type InferInsertModel, type InferSelectModel } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './client';
import { rowsByIds } from './rows-by-ids';

type TableWithId = PgTable & { id: PgColumn };

/** Rows per statement: a JSON parameter of a few hundred kilobytes. */
const ROWS_PER_STATEMENT = 1_000;

/**
 * Inserts rows (Drizzle's insert shape) through one JSON parameter per statement, which
 * PostgreSQL reads with `json_populate_recordset`: about seven times faster than Drizzle's
 * multi-row VALUES (20,000 bound parameters per 1,000 rows), the same on PGlite and on the
 * server. Values must be JSON: strings for decimals, dates and instants, arrays for arrays.
 */
export async function insertRows<T extends PgTable>(
  db: Db,
  table: T,
  rows: readonly InferInsertModel<T>[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const keys = [...new Set(rows.flatMap((row) => Object.keys(row)))].filter((key) => key in columns);
  const names = sql.raw(keys.map((key) => `"${columns[key]!.name}"`).join(', '));
  const type = sql.raw(`"${getTableName(table)}"`);
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const json = JSON.stringify(
      rows.slice(i, i + ROWS_PER_STATEMENT).map((row) => {
        const values: Record<string, unknown> = {};
        for (const key of keys) values[columns[key]!.name] = (row as Record<string, unknown>)[key] ?? null;
        return values;
      }),
    );
    await db.execute(
      sql`insert into ${table} (${names}) select ${names} from json_populate_recordset(null::${type}, ${json}::json)`,
    );
  }
}

/** `insertRows`, ids made here where not given; returns the rows as written, in input order. */
export async function insertRowsReturning<T extends TableWithId>(
  db: Db,
  table: T,
  rows: readonly InferInsertModel<T>[],
): Promise<InferSelectModel<T>[]> {
  const identified = rows.map((row) => ({ ...row, id: (row as { id?: string }).id ?? randomUUID() }));
  await insertRows(db, table, identified);
  const written = new Map<string, InferSelectModel<T>>();
  const ids = identified.map((row) => row.id);
  for (let i = 0; i < ids.length; i += ROWS_PER_STATEMENT) {
    for (const row of await rowsByIds(db, table, ids.slice(i, i + ROWS_PER_STATEMENT))) {
      written.set((row as { id: string }).id, row);
    }
  }
  return ids.map((id) => written.get(id)!);
}
