import { sql } from 'drizzle-orm';
import { sources } from '../../db/schema';
import type { Source } from '../../generated/graphql';
import { column, globalId, type SqlFieldsOf, type SqlType } from '../compiled-reads/fields';
import { PUBLISHER_NOT_STATED } from './mappers';

const fields: SqlFieldsOf<Source> = {
  id: globalId('Source', sources.id),
  title: column(sources.title),
  publisher: {
    kind: 'value',
    columns: [sources.publisher],
    json: (row) => sql`coalesce(${row.column(sources.publisher)}, ${PUBLISHER_NOT_STATED}::text)`,
  },
  publishedBy: column(sources.publisher),
  author: column(sources.author),
  publishedOn: column(sources.publishedOn),
  url: column(sources.url),
  supports: null,
};

export const SOURCE_SQL: SqlType = { table: sources, key: sources.id, fields };
