import { and, eq, gte, lte, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { RegionDirectory } from './directory';

/**
 * `column` lies in the region or any division below it: a range scan on the column's index. Where
 * the table keeps its rows' province (`province`, as organizations.provinceCode), a province is
 * that column's equality instead, which an index of it and a list's order reads in that order.
 */
export function inRegion(
  directory: RegionDirectory,
  column: PgColumn,
  code: string,
  argument: string,
  province?: PgColumn,
): SQL {
  const { from, to, level } = directory.subtree(code, argument);
  if (province && level === 1) return eq(province, code);
  return and(gte(column, from), lte(column, to))!;
}
