import { eq, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { RegionDirectory } from '../regions/directory';
import { expectGlobalId, type IdType, type NodeType } from '../node/global-id';
import type { ChildList, ListBuilder } from '../pagination/lists';
import type { PagedTable } from '../pagination/store';

/** A row of a derived table in the compiled statement: its columns by their database names. */
export interface RowRef {
  column: (column: PgColumn) => SQL;
}

/**
 * How one GraphQL field is answered inside one SQL statement that builds the response as JSON.
 * Each must produce exactly what the field's resolver and its scalar's serializer produce; the
 * tests in tests/modules/compiled-reads compare the two for every field listed here.
 */
export type SqlField =
  /** a leaf */
  | SqlValue
  /** an object made of the same row's columns (an Amount, a Provenance); null when `nullWhen` is */
  | { kind: 'embedded'; nullWhen?: PgColumn; fields: SqlFields }
  /** an object of another table whose key this row holds in `via`; null when there is none */
  | { kind: 'reference'; type: string; via: PgColumn }
  /** a connection of another table's rows that point at this row's id */
  | { kind: 'list'; type: string; list: ChildList<PagedTable, any> };

/** A leaf: a value computed from columns of the row, written as JSON as `text` says. */
export interface SqlValue {
  kind: 'value';
  columns: readonly PgColumn[];
  json: (row: RowRef) => SQL;
  text?: PlainText;
}

/**
 * A leaf whose text JSON needs no escaping: a `string` is its text between quotes, a `number` its
 * text as is. Without one, a value is written by `to_json`, which escapes text and looks up how to
 * write its type at every call; a compiled response writes hundreds of IDs, amounts and names.
 */
export type PlainText = 'string' | 'number';

/**
 * The fields of one object type; null where only its resolver answers, which is then handed the
 * row's keys that the type's `reads` names for it.
 */
export type SqlFields = Readonly<Record<string, SqlField | null>>;

/**
 * Every field of the generated GraphQL type `G`, so a field added to the schema does not compile
 * until it says how SQL answers it, or that it can't.
 */
export type SqlFieldsOf<G> = Readonly<Record<Exclude<keyof G, '__typename'>, SqlField | null>>;

/** An object type that is a table's row. */
export interface SqlType {
  table: PgTable;
  /** the column a reference to this type matches */
  key: PgColumn;
  fields: SqlFields;
  /**
   * The keys of the row each field's resolver reads (the module's `FieldColumns`, which lists
   * select by): a field only resolvers answer is handed a row holding these.
   */
  reads?: Readonly<Record<string, readonly string[]>>;
}

/** A root field answered in SQL. */
export type SqlRootField =
  /** a connection over a whole table */
  | { kind: 'list'; type: string; list: ListBuilder<PagedTable, any> }
  /** at most one row, matched by a condition built from the arguments (which throws on bad input) */
  | { kind: 'lookup'; type: string; where: (args: any, regions: RegionDirectory) => SQL }
  /** `node(id:)`: the row of whichever type the global ID names */
  | { kind: 'node' }
  /** `nodes(ids:)`: the rows the global IDs name, in their order */
  | { kind: 'nodes' };

/** The column as the database gives it: text, enum, integer, boolean, date and arrays of them map as they are. */
export function column(c: PgColumn): SqlValue {
  return { kind: 'value', columns: [c], json: (row) => row.column(c), text: plainTextOf(c) };
}

/** Columns whose text is plain: uuids, integers, and enums whose labels have no character JSON escapes. */
function plainTextOf(c: PgColumn): PlainText | undefined {
  if (c.columnType === 'PgUUID') return 'string';
  if (c.columnType === 'PgInteger' || c.columnType === 'PgSmallInt') return 'number';
  if (c.columnType === 'PgEnumColumn' && c.enumValues?.every((label) => !/["\\\u0000-\u001f]/.test(label)))
    return 'string';
  return undefined;
}

/** A numeric column as an exact decimal string, digits as the database prints them. */
export function decimal(c: PgColumn): SqlValue {
  return { kind: 'value', columns: [c], json: (row) => sql`${row.column(c)}::text`, text: 'string' };
}

/** A timestamptz as `toISOString()` prints it: UTC, milliseconds, `Z`. */
export function instant(c: PgColumn): SqlValue {
  return {
    kind: 'value',
    columns: [c],
    json: (row) => sql`to_char(${row.column(c)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    text: 'string',
  };
}

/**
 * base64url without padding, as Node's `Buffer.toString('base64url')`. `encode` wraps lines at 76
 * characters and pads; replace() is several times cheaper per row than translate(), which is
 * felt with hundreds of IDs in one response.
 */
export function base64url(text: SQL): SQL {
  const base64 = sql`replace(encode(convert_to(${text}, 'UTF8'), 'base64'), E'\n', '')`;
  return sql`replace(replace(rtrim(${base64}, '='), '+', '-'), '/', '_')`;
}

/**
 * The global ID of the row: base64url of `Type:uuid`, as `toGlobalId`. Of a uuid column, the text
 * is letters, a colon and `[0-9a-f-]`, under 57 bytes (`encode` ends a line after each 57), and
 * base64 of ASCII makes `+` and `/` only of a 3-byte group ending in `>`, `?`, `~` or DEL: its
 * base64 is already base64url but for padding, which a length that is a multiple of 3 does not
 * have. Three to four fewer function calls per ID, felt with hundreds of IDs in one response.
 */
export function globalId(type: IdType, id: PgColumn): SqlValue {
  const text = (row: RowRef) => sql`${sql.raw(`'${type}:'`)} || ${row.column(id)}`;
  const bytes = type.length + 1 + UUID_LENGTH;
  if (id.columnType !== 'PgUUID' || !/^[A-Za-z]+$/.test(type) || bytes >= 57)
    return { kind: 'value', columns: [id], json: (row) => base64url(text(row)), text: 'string' };
  const base64 = (row: RowRef) => sql`encode(convert_to(${text(row)}, 'UTF8'), 'base64')`;
  return {
    kind: 'value',
    columns: [id],
    json: bytes % 3 === 0 ? base64 : (row) => sql`rtrim(${base64(row)}, '=')`,
    text: 'string',
  };
}

/** characters of a uuid's text, `8-4-4-4-12` hexadecimal digits */
const UUID_LENGTH = 36;

/** An Amount of a numeric column, in the row's currency column or in yuan; null when the value is. */
export function amount(value: PgColumn, currency?: PgColumn): SqlField {
  return {
    kind: 'embedded',
    nullWhen: value,
    fields: { value: decimal(value), currency: currency ? column(currency) : constant(sql`'CNY'::text`) },
  };
}

/** The same value for every row. */
export function constant(json: SQL): SqlValue {
  return { kind: 'value', columns: [], json: () => json };
}

/** A row's Provenance: its kind, and the Source its `source_id` cites. */
export function provenance(kind: PgColumn, source: PgColumn): SqlField {
  return {
    kind: 'embedded',
    fields: { kind: column(kind), source: { kind: 'reference', type: 'Source', via: source } },
  };
}

export function reference(type: string, via: PgColumn): SqlField {
  return { kind: 'reference', type, via };
}

export function list(type: string, child: ChildList<PagedTable, any>): SqlField {
  return { kind: 'list', type, list: child };
}

/** `type(id:)`: the row whose id the global ID names; an ID of another type is BAD_USER_INPUT on `id`. */
export function byGlobalId(type: NodeType, id: PgColumn): SqlRootField {
  return { kind: 'lookup', type, where: (args: { id: string }) => eq(id, expectGlobalId(args.id, type, 'id')) };
}
