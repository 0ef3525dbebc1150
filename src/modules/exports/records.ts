import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { RowRef, SqlFields, SqlType } from '../compiled-reads/fields';
import type { SqlSchema } from '../compiled-reads/compile';

/**
 * An exported record, derived from the same per-field SQL that answers the list in one statement
 * (compiled-reads/fields.ts), so a file says what the API says: global IDs, decimals as exact
 * strings, dates as `YYYY-MM-DD`, instants as `toISOString()`. Leaves are exported as they are;
 * an embedded object (an Amount, a Provenance) by its leaves; a reference by its target's `id`
 * (or `code`, for regions and indicators; a Provenance's `source` by the Source's `id`);
 * connections and fields only resolvers answer are left out.
 */
export interface ExportRecord {
  /** CSV columns: the field paths (`total.value`) and their cells as SQL text */
  columns: ExportColumn[];
  /** one line of JSON: the record as the list's `nodes` answer it, references as `{ id }` */
  json: SQL;
}

export interface ExportColumn {
  /** the GraphQL field path, such as `donor.id` or `total.value` */
  path: string;
  /** the cell's text, quoted for CSV where it is free text; null for an empty cell */
  csv: SQL;
  /** the value itself (null as null), as `COPY … (FORMAT csv)` would write it */
  value: SQL;
}

/** The export's row is the table's own row: its columns are read as they are. */
const TABLE_ROW: RowRef = { column: (c) => sql`${c}` };

/** How the target of a reference is named in a file: its first field of these that SQL answers. */
const IDENTIFYING_FIELDS = ['id', 'code'] as const;

export function exportRecord(schema: SqlSchema, type: SqlType): ExportRecord {
  return { columns: csvColumns(schema, type.fields, TABLE_ROW, ''), json: jsonObject(schema, type.fields, TABLE_ROW) };
}

/** The identifying field of a reference's target, computed from the referring row's `via` column. */
function referenceId(schema: SqlSchema, typeName: string, via: PgColumn, row: RowRef) {
  const target = schema.types[typeName];
  if (!target) return null;
  for (const name of IDENTIFYING_FIELDS) {
    const field = target.fields[name];
    if (field?.kind !== 'value') continue;
    // the target's key is the referring row's `via`: nothing else of the target is read
    const viaRow: RowRef = {
      column: (c) => {
        if (c !== target.key) throw new Error(`${typeName}.${name} reads more than its key`);
        return row.column(via);
      },
    };
    return { name, json: field.json(viaRow), columns: field.columns };
  }
  return null;
}

function jsonObject(schema: SqlSchema, fields: SqlFields, row: RowRef): SQL {
  const entries: SQL[] = [];
  for (const [name, field] of Object.entries(fields)) {
    if (!field) continue;
    const key = sql.raw(`'${name}'`);
    switch (field.kind) {
      case 'value':
        entries.push(sql`${key}, ${field.json(row)}`);
        break;
      case 'embedded': {
        const inner = jsonObject(schema, field.fields, row);
        entries.push(
          field.nullWhen
            ? sql`${key}, case when ${row.column(field.nullWhen)} is null then null else ${inner} end`
            : sql`${key}, ${inner}`,
        );
        break;
      }
      case 'reference': {
        const id = referenceId(schema, field.type, field.via, row);
        if (!id) break;
        entries.push(
          sql`${key}, case when ${row.column(field.via)} is null then null else json_build_object(${sql.raw(`'${id.name}'`)}, ${id.json}) end`,
        );
        break;
      }
      case 'list':
        break;
    }
  }
  return sql`json_build_object(${sql.join(entries, sql`, `)})`;
}

function csvColumns(schema: SqlSchema, fields: SqlFields, row: RowRef, prefix: string): ExportColumn[] {
  const columns: ExportColumn[] = [];
  for (const [name, field] of Object.entries(fields)) {
    if (!field) continue;
    const path = prefix + name;
    switch (field.kind) {
      case 'value':
        columns.push({ path, ...csvCell(field.json(row), field.columns) });
        break;
      case 'embedded': {
        const inner = csvColumns(schema, field.fields, row, `${path}.`);
        const nullWhen = field.nullWhen;
        columns.push(
          ...(nullWhen
            ? inner.map((c) => ({
                path: c.path,
                csv: sql`case when ${row.column(nullWhen)} is null then null else ${c.csv} end`,
                value: sql`case when ${row.column(nullWhen)} is null then null else ${c.value} end`,
              }))
            : inner),
        );
        break;
      }
      case 'reference': {
        const id = referenceId(schema, field.type, field.via, row);
        if (id) columns.push({ path: `${path}.${id.name}`, ...csvCell(id.json, id.columns) });
        break;
      }
      case 'list':
        break;
    }
  }
  return columns;
}

/**
 * A value as CSV text: arrays joined by `;`, free text always quoted (cheaper than looking for
 * what needs it, and valid CSV), everything else (IDs, enums, numbers, dates, instants) bare,
 * as none of them can hold a comma, a quote or a line break; null stays null (an empty cell).
 */
function csvCell(value: SQL, columns: readonly PgColumn[]): Pick<ExportColumn, 'csv' | 'value'> {
  const only = columns.length === 1 ? columns[0]! : undefined;
  const isArray = only?.columnType === 'PgArray';
  // a value computed from several columns (an English name or its Chinese fallback) is free text
  // when any of them is; IDs, instants and decimals come from uuid, timestamp and numeric columns
  const freeText = isArray
    ? isFreeText((only as PgColumn & { baseColumn: PgColumn }).baseColumn)
    : columns.some(isFreeText);
  const text = isArray ? sql`array_to_string(${value}, ';')` : sql`(${value})::text`;
  return { csv: freeText ? sql`'"' || replace(${text}, '"', '""') || '"'` : text, value: text };
}

function isFreeText(column: PgColumn): boolean {
  return column.columnType === 'PgText' || column.columnType === 'PgVarchar';
}
