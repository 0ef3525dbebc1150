import { sql, type SQL } from 'drizzle-orm';
import type { ExportFormat } from '../../generated/graphql';
import { sqlSchema } from '../../sql-schema';
import type { ExportedList } from './entities';
import { GIVING360_GRANT, GIVING360_JOINS, GIVING360_SEPARATOR, GIVING360_TAIL, giving360Head } from './giving360';
import { exportRecord } from './records';

/** How one export's file is laid out: the text around the records, and each record's SQL. */
export interface FileLayout {
  /** written before the first record */
  head: string;
  /** one record as text, computed in SQL (the database writes text faster than Node builds it) */
  line: SQL;
  /** tables joined to the list's for `line` */
  joins: SQL;
  /** written between two records */
  separator: string;
  /** written after the last record */
  tail: string;
}

export interface FormatSpec {
  extension: string;
  contentType: string;
  layout: (list: ExportedList, exportGlobalId: string, now: Date) => FileLayout;
}

/** The byte order mark that makes Excel read a CSV file as UTF-8. */
export const BOM = '\uFEFF';

/** RFC 4180's line break. */
const CRLF = '\r\n';

/** Cells per concat(), which takes at most 100 arguments (a cell and a comma each). */
const CELLS_PER_CONCAT = 45;

/**
 * The cells of a CSV line joined by commas: concat() writes each value with its type's output
 * function and null as nothing, and long rows are concatenated in groups.
 */
function csvCells(cells: SQL[]): SQL {
  const comma = sql`, ',', `;
  // the line's own concat() takes them when they fit
  if (cells.length <= CELLS_PER_CONCAT) return sql.join(cells, comma);
  const groups: SQL[] = [];
  for (let i = 0; i < cells.length; i += CELLS_PER_CONCAT) {
    groups.push(sql`concat(${sql.join(cells.slice(i, i + CELLS_PER_CONCAT), comma)})`);
  }
  return sql.join(groups, comma);
}

export const FORMATS: Readonly<Record<ExportFormat, FormatSpec>> = {
  CSV: {
    extension: 'csv',
    contentType: 'text/csv; charset=utf-8',
    layout: (list) => {
      const { columns } = exportRecord(sqlSchema, list.type);
      return {
        head: BOM + columns.map((c) => c.path).join(',') + CRLF,
        line: sql`concat(${csvCells(columns.map((c) => c.csv))}, ${sql.raw("E'\\r\\n'")})`,
        joins: sql``,
        separator: '',
        tail: '',
      };
    },
  },
  JSONL: {
    extension: 'jsonl',
    contentType: 'application/x-ndjson; charset=utf-8',
    layout: (list) => ({
      head: '',
      line: sql`${exportRecord(sqlSchema, list.type).json}::text || E'\n'`,
      joins: sql``,
      separator: '',
      tail: '',
    }),
  },
  GIVING360_JSON: {
    extension: 'json',
    contentType: 'application/json; charset=utf-8',
    layout: (_list, exportGlobalId, now) => ({
      head: giving360Head(exportGlobalId, now),
      line: GIVING360_GRANT,
      joins: GIVING360_JOINS,
      separator: GIVING360_SEPARATOR,
      tail: GIVING360_TAIL,
    }),
  },
};
