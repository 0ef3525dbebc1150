import type { InferSelectModel } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Context } from '../../context';
import type { Db } from '../../db/client';
import { connection, type ConnectionParent } from './connection';
import type { Projection } from './rows';
import {
  checkCursorFits,
  countRows,
  countRowsByParent,
  findPage,
  findPagesByParent,
  type ListQuery,
  type Page,
  type PagedTable,
} from './store';

/** A top-level list selecting `columns`: one statement for the page and, if asked, one for the count. */
export function rootConnection<T extends PagedTable>(
  db: Db,
  q: ListQuery<T>,
  columns: Projection<T>,
): ConnectionParent<InferSelectModel<T>> {
  checkCursorFits(q);
  return connection(
    () => findPage(db, q, columns),
    () => countRows(db, q.table, q.conditions),
  );
}

/**
 * A list under a parent field: every parent of the request asking with the same arguments for the
 * same columns shares one statement for the pages, and with the same filter one for the counts.
 * `relation` names the field (`Organization.projects`) and `args` are its arguments as given;
 * `query` builds the list from them, once per request and arguments, and throws there on bad input.
 */
export function childConnection<T extends PagedTable>(
  ctx: Context,
  relation: string,
  parent: PgColumn,
  parentId: string,
  args: Readonly<Record<string, unknown>>,
  columns: Projection<T>,
  query: () => ListQuery<T>,
): ConnectionParent<InferSelectModel<T>> {
  const variant = `${relation}:${JSON.stringify(args)}:${columns.key}`;
  const pages = ctx.loaders.pages.for(variant, () => {
    const q = checkCursorFits(query());
    return (ids) => findPagesByParent(ctx.db, q, columns, parent, ids);
  });
  return connection(
    () => pages.load(parentId) as Promise<Page<InferSelectModel<T>>>,
    () =>
      ctx.loaders.counts
        .for(`${relation}:${JSON.stringify(args['filter'] ?? null)}`, () => {
          const q = query();
          return (ids) => countRowsByParent(ctx.db, q.table, q.conditions, parent, ids);
        })
        .load(parentId),
  );
}
