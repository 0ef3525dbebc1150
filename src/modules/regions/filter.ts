import { and, gte, lte, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { RegionDirectory } from './directory';

/** `column` lies in the region or any division below it; a range scan on the column's index. */
export function inRegion(directory: RegionDirectory, column: PgColumn, code: string, argument: string): SQL {
  const { from, to } = directory.subtree(code, argument);
  return and(gte(column, from), lte(column, to))!;
}
