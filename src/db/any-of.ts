import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/**
 * `column = any($1::type[])`: the values bound as one array, so the statement text is the same
 * whatever their number and prepares once (Drizzle's inArray writes one parameter per value).
 */
export function anyOf(column: PgColumn, values: readonly string[], type: 'uuid' | 'text' = 'uuid'): SQL {
  return sql`${column} = any(${sql.param(values)}::${sql.raw(type)}[])`;
}
