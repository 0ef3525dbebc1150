import { regions } from '../../db/schema';
import type { Region } from '../../generated/graphql';
import { column, reference, type SqlFieldsOf, type SqlType } from '../compiled-reads/fields';

const fields: SqlFieldsOf<Region> = {
  code: column(regions.code),
  name: column(regions.name),
  level: column(regions.level),
  parent: reference('Region', regions.parentCode),
};

/** The same rows the in-memory RegionDirectory holds, read in SQL. */
export const REGION_SQL: SqlType = { table: regions, key: regions.code, fields };
