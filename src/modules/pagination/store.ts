import { sql, type InferSelectModel, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { groupedByKey } from '../../batching/ordered';
import { anyOf } from '../../db/any-of';
import { BadUserInputError } from '../../errors';
import { rows, type Db } from '../../db/client';
import type { PageWindow } from './arguments';
import { isDatabaseInstant, isStorableDate } from '../scalars/dates';
import { encodeCursor } from './cursor';
import type { Projection } from './rows';
import { whereAll } from '../../db/where-all';
import { withValuesWritten } from '../../db/written-values';

/** A table that pages: it has a uuid `id` column. */
export type PagedTable = PgTable & { id: PgColumn };

/** A total order: a non-null key expression (cast back from text for cursors), then id. */
export interface Sort {
  key: SQL;
  /** the key's PostgreSQL type, for comparing against a cursor's text */
  type: 'text' | 'date' | 'numeric' | 'timestamptz' | 'integer';
  descending: boolean;
  /**
   * The key is worked out for each match (a search's rank), so no index gives the order and every
   * match is read and sorted, whatever the page: a compiled list then reads the matches once, for
   * its page and its totalCount alike.
   */
  readsEveryMatch?: boolean;
}

export interface ListQuery<T extends PagedTable> {
  table: T;
  conditions: SQL[];
  sort: Sort;
  window: PageWindow;
  /**
   * A top-level list's `totalCount` read from somewhere smaller than the rows, always equal to
   * counting them (a rollup whose grain keeps every dimension the filter names); unset, the
   * matching rows are counted. Lists under a parent count per parent and never set it.
   */
  count?: SQL;
}

/**
 * A date range on the column a list is sorted by, written again on its sort key, which coalesces
 * unknown dates to -infinity: only bounds on the key itself let the plan read the key's index over
 * the range, instead of walking the index from one end and discarding every row outside it (687,000
 * donations before a year's, newest first). The column's own bounds stay, so rows without a date
 * are still left out: together the two say what the column's bounds alone say.
 */
export function sortKeyRange(sort: Sort, from: string | null | undefined, to: string | null | undefined): SQL[] {
  return withValuesWritten([
    from != null ? sql`${sort.key} >= ${from}::date` : undefined,
    to != null ? sql`${sort.key} <= ${to}::date` : undefined,
  ]);
}

export interface Edge<N> {
  node: N;
  cursor: string;
}

export interface Page<N> {
  edges: Edge<N>[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

interface RawRow extends Record<string, unknown> {
  _sort_key: string | null;
  _parent?: string;
}

/**
 * The page size plus one, written into the statement: as a bound parameter, a prepared
 * statement's generic plan cannot see how few rows are wanted and may sort a whole parent's rows.
 * Validated to 1–100 before it gets here.
 */
export function literalLimit<T extends PagedTable>(q: ListQuery<T>): SQL {
  return sql.raw(String(Math.trunc(q.window.limit) + 1));
}

/**
 * What a cursor's key looks like for each key type (a cursor of another order does not fit), and
 * whether PostgreSQL can read it as that type: a key of the right shape it cannot read was not
 * issued by this API.
 */
const KEY_FORMATS: Record<Sort['type'], { shape: RegExp; readable: (key: string) => boolean }> = {
  text: { shape: /^/, readable: (key) => !key.includes('\u0000') },
  date: { shape: /^(-infinity|\d{4}-\d{2}-\d{2})$/, readable: (key) => key === '-infinity' || isStorableDate(key) },
  numeric: { shape: /^-?\d{1,20}(\.\d{1,10})?$/, readable: () => true },
  integer: { shape: /^-?\d{1,10}$/, readable: (key) => Number(key) >= -(2 ** 31) && Number(key) < 2 ** 31 },
  timestamptz: {
    shape: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/,
    readable: isDatabaseInstant,
  },
};

/** Refuses a cursor whose key cannot belong to this list's order, or cannot be read at all, before any SQL is built. */
export function checkCursorFits<T extends PagedTable>(q: ListQuery<T>): ListQuery<T> {
  const from = q.window.from;
  if (!from) return q;
  const argument = q.window.backward ? 'before' : 'after';
  const format = KEY_FORMATS[q.sort.type];
  if (from.key === null || !format.shape.test(from.key)) {
    throw new BadUserInputError(argument, 'is a cursor of another list or order');
  }
  if (!format.readable(from.key)) throw new BadUserInputError(argument, 'is not a cursor issued by this API');
  return q;
}

/** ORDER BY, and the list's conditions with the keyset predicate; a backward window reads the order reversed. */
export function keyset<T extends PagedTable>(q: ListQuery<T>): { conditions: SQL[]; orderBy: SQL } {
  const reverse = q.sort.descending !== q.window.backward;
  const dir = sql.raw(reverse ? 'desc' : 'asc');
  const orderBy = sql`${q.sort.key} ${dir}, ${q.table.id} ${dir}`;
  const from = q.window.from;
  const seek = from
    ? sql`(${q.sort.key}, ${q.table.id}) ${sql.raw(reverse ? '<' : '>')} (${from.key}::${sql.raw(q.sort.type)}, ${from.id}::uuid)`
    : undefined;
  return { conditions: seek ? [...q.conditions, seek] : q.conditions, orderBy };
}

function toPage<T extends PagedTable>(
  q: ListQuery<T>,
  columns: Projection<T>,
  raw: RawRow[],
): Page<InferSelectModel<T>> {
  const more = raw.length > q.window.limit;
  const slice = more ? raw.slice(0, q.window.limit) : raw;
  if (q.window.backward) slice.reverse();
  const edges = slice.map((r) => {
    const node = columns.decode(r);
    return { node, cursor: encodeCursor({ key: r._sort_key, id: (node as { id: string }).id }) };
  });
  const fromCursor = q.window.from !== null;
  return q.window.backward
    ? { edges, hasPreviousPage: more, hasNextPage: fromCursor }
    : { edges, hasNextPage: more, hasPreviousPage: fromCursor };
}

/**
 * One page of a list, with one row more than asked to learn whether another page follows; its
 * nodes hold only `columns`.
 */
export async function findPage<T extends PagedTable>(
  db: Db,
  q: ListQuery<T>,
  columns: Projection<T>,
): Promise<Page<InferSelectModel<T>>> {
  const { conditions, orderBy } = keyset(q);
  const raw = await rows<RawRow>(
    db,
    sql`select ${columns.select}, (${q.sort.key})::text as _sort_key from ${q.table}
        ${whereAll(conditions)} order by ${orderBy} limit ${literalLimit(q)}`,
  );
  return toPage(q, columns, raw);
}

/**
 * The same page of a list for each parent, in one statement: a LATERAL subquery per parent id
 * walks that parent's index, so the cost follows the page size, not the parent's row count.
 * One page per parent id, in id order.
 */
export async function findPagesByParent<T extends PagedTable>(
  db: Db,
  q: ListQuery<T>,
  columns: Projection<T>,
  parent: PgColumn,
  parentIds: readonly string[],
): Promise<Page<InferSelectModel<T>>[]> {
  const { conditions, orderBy } = keyset(q);
  const raw = await rows<RawRow>(
    db,
    sql`select parents.id as _parent, page.* from unnest(${sql.param(parentIds)}::uuid[]) as parents(id)
        cross join lateral (
          select ${columns.select}, (${q.sort.key})::text as _sort_key from ${q.table}
          ${whereAll([sql`${parent} = parents.id`, ...conditions])}
          order by ${orderBy} limit ${literalLimit(q)}
        ) as page`,
  );
  return groupedByKey(parentIds, raw, (r) => r._parent!).map((page) => toPage(q, columns, page));
}

/** A top-level list's `totalCount` as an expression: its `count`, or a count of the matching rows. */
export function totalCountOf<T extends PagedTable>(q: ListQuery<T>): SQL {
  return q.count ?? sql`(select count(*) from ${q.table} ${whereAll(q.conditions)})`;
}

/** How many rows match, over all pages. */
export async function countRows<T extends PagedTable>(db: Db, q: ListQuery<T>): Promise<number> {
  const [row] = await rows<{ n: number }>(db, sql`select (${totalCountOf(q)})::int as n`);
  return row!.n;
}

/** How many rows match for each parent id, in id order; 0 where none. */
export async function countRowsByParent(
  db: Db,
  table: PgTable,
  conditions: SQL[],
  parent: PgColumn,
  parentIds: readonly string[],
): Promise<number[]> {
  const raw = await rows<{ parent: string; n: number }>(
    db,
    sql`select ${parent} as parent, count(*)::int as n from ${table} ${whereAll([anyOf(parent, parentIds), ...conditions])} group by 1`,
  );
  const counts = new Map(raw.map((r) => [r.parent, r.n]));
  return parentIds.map((id) => counts.get(id) ?? 0);
}
