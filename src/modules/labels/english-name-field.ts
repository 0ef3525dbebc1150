import { sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { SqlField } from '../compiled-reads/fields';

/**
 * A `nameEn` field in SQL: the stored English name, or the name itself on a row written without
 * one (migrate fills those), as the resolvers' `row.nameEn ?? row.name`.
 */
export function englishName(nameEn: PgColumn, name: PgColumn): SqlField {
  return {
    kind: 'value',
    columns: [nameEn, name],
    json: (row) => sql`coalesce(${row.column(nameEn)}, ${row.column(name)})`,
  };
}
