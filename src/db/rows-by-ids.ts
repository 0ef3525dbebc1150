import { getTableName, sql, type InferSelectModel } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './client';

type TableWithId = PgTable & { id: PgColumn };

/**
 * `select * from table where id = any($ids::uuid[])`, built and rendered once per database and
 * table: the loaders by id run it on every request, and Drizzle otherwise renders its text anew
 * each time (~10% of a first-page request's CPU in the profile).
 */
const statements = new WeakMap<Db, Map<PgTable, { execute: (values: { ids: string[] }) => Promise<unknown[]> }>>();

/** The rows of `table` whose id is among `ids`, in no particular order. */
export async function rowsByIds<T extends TableWithId>(db: Db, table: T, ids: readonly string[]) {
  let byTable = statements.get(db);
  if (!byTable) statements.set(db, (byTable = new Map()));
  let statement = byTable.get(table);
  if (!statement) {
    statement = db
      .select()
      .from(table as PgTable)
      .where(sql`${table.id} = any(${sql.placeholder('ids')}::uuid[])`)
      .prepare(`${getTableName(table)}_by_ids`);
    byTable.set(table, statement);
  }
  return (await statement.execute({ ids: [...ids] })) as InferSelectModel<T>[];
}
