import { sources } from '../../db/schema';
import type { Source } from '../../generated/graphql';
import { column, type SqlFieldsOf, type SqlType } from '../compiled-reads/fields';

const fields: SqlFieldsOf<Source> = {
  title: column(sources.title),
  publisher: column(sources.publisher),
  publishedOn: column(sources.publishedOn),
  url: column(sources.url),
};

export const SOURCE_SQL: SqlType = { table: sources, key: sources.id, fields };
