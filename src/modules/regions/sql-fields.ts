import { regions } from '../../db/schema';
import type { Region } from '../../generated/graphql';
import { column, reference, type SqlFieldsOf, type SqlType } from '../compiled-reads/fields';
import { englishName } from '../labels/english-name-field';

const fields: SqlFieldsOf<Region> = {
  code: column(regions.code),
  name: column(regions.name),
  nameEn: englishName(regions.nameEn, regions.name),
  level: column(regions.level),
  parent: reference('Region', regions.parentCode),
};

/** The same rows the in-memory RegionDirectory holds, read in SQL. */
export const REGION_SQL: SqlType = { table: regions, key: regions.code, fields };
