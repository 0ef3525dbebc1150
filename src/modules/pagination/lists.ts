import type { InferSelectModel } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Context } from '../../context';
import type { Db } from '../../db/client';
import type { RegionDirectory } from '../regions/directory';
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
    () => countRows(db, q),
  );
}

/** How a list field's arguments become a list query; throws BAD_USER_INPUT on bad input. */
export type ListBuilder<T extends PagedTable, A> = (args: A, regions: RegionDirectory) => ListQuery<T>;

/** A list under a parent field, such as `Organization.projects`. */
export interface ChildList<T extends PagedTable, A> {
  /** the field, `Type.field` */
  relation: string;
  /** the list table's column holding the parent's id */
  parent: PgColumn;
  query: ListBuilder<T, A>;
}

/**
 * A list under a parent field: every parent of the request asking with the same arguments for the
 * same columns shares one statement for the pages, and with the same filter one for the counts.
 * The list query is built once per request and arguments, and throws there on bad input.
 */
export function childConnection<T extends PagedTable, A extends Readonly<Record<string, unknown>>>(
  ctx: Context,
  list: ChildList<T, A>,
  parentId: string,
  args: A,
  columns: Projection<T>,
): ConnectionParent<InferSelectModel<T>> {
  const { relation, parent } = list;
  const variant = `${relation}:${JSON.stringify(args)}:${columns.key}`;
  const pages = ctx.loaders.pages.for(variant, () => {
    const q = checkCursorFits(list.query(args, ctx.regions));
    return (ids) => findPagesByParent(ctx.db, q, columns, parent, ids);
  });
  return connection(
    () => pages.load(parentId) as Promise<Page<InferSelectModel<T>>>,
    () =>
      ctx.loaders.counts
        .for(`${relation}:${JSON.stringify(args['filter'] ?? null)}`, () => {
          const q = list.query(args, ctx.regions);
          return (ids) => countRowsByParent(ctx.db, q.table, q.conditions, parent, ids);
        })
        .load(parentId),
  );
}
