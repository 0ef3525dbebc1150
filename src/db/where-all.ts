import { and, sql, type SQL } from 'drizzle-orm';

/** `where c1 and c2 …`, or nothing when there are no conditions. */
export function whereAll(conditions: ReadonlyArray<SQL | undefined>): SQL {
  const where = and(...conditions);
  return where ? sql`where ${where}` : sql``;
}
