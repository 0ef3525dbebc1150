import { sql, type SQL } from 'drizzle-orm';
import { char, check, index, pgTable, smallint, text, type AnyPgColumn, type PgColumn } from 'drizzle-orm/pg-core';

/** The code (`xx0000`) of the province holding the region `code` names: its first two digits. */
export const provinceOf = (code: PgColumn | SQL): SQL => sql`left(${code}, 2) || '0000'`;

/**
 * GB/T 2260 administrative divisions: province (level 1), prefecture city (2), county (3).
 * A code's descendants share its non-zero prefix, so "a region and all below it" is a code range.
 */
export const regions = pgTable(
  'regions',
  {
    code: char('code', { length: 6 }).primaryKey(),
    name: text('name').notNull(),
    /** The name in English (regionNameEn), written with the reference data by migrate. */
    nameEn: text('name_en'),
    parentCode: char('parent_code', { length: 6 }).references((): AnyPgColumn => regions.code, {
      onDelete: 'restrict',
    }),
    level: smallint('level').notNull(),
  },
  (t) => [
    check('regions_code_format', sql`${t.code} ~ '^[0-9]{6}$'`),
    check('regions_level_range', sql`${t.level} between 1 and 3`),
    index('regions_parent_code_idx').on(t.parentCode),
  ],
);
