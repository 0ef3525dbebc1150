import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isListType,
  isNonNullType,
  isObjectType,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { collectFields, collectSubfields } from 'graphql/execution/collectFields';
import { getArgumentValues } from 'graphql/execution/values';
import { whereAll } from '../../db/where-all';
import {
  checkCursorFits,
  keyset,
  literalLimit,
  totalCountOf,
  type ListQuery,
  type PagedTable,
} from '../pagination/store';
import { isNodeType, parseGlobalId } from '../node/global-id';
import { MAX_PAGE_SIZE } from '../pagination/arguments';
import type { RegionDirectory } from '../regions/directory';
import {
  base64url,
  column,
  decimal,
  type RowRef,
  type SqlFields,
  type SqlRootField,
  type SqlType,
  type SqlValue,
} from './fields';

/** Every type and root field that can be answered in SQL; the rest are answered by resolvers. */
export interface SqlSchema {
  types: Readonly<Record<string, SqlType>>;
  roots: Readonly<Record<string, SqlRootField>>;
}

/** A root field asks for something SQL cannot answer; it is executed as usual. */
export class NotCompilable extends Error {}

/** The key of a handoff's place in the statement's JSON that names its parent's type; no row key starts with `__`. */
export const HANDOFF_TYPE = '__handoff';

/** One step from the response's root: a response key, or `*` for every item of a list; and whether the value there may be null. */
export interface PathStep {
  key: string;
  nullable: boolean;
}

/**
 * A field inside the compiled tree that only its resolver answers (`donationSummary` of each
 * organization in a page). The statement puts, where its value goes, the keys of the parent's
 * row that the resolver reads (the type's `reads`), with the columns they come from, so that
 * execution continues from the rows the statement returned.
 */
export interface Handoff {
  /** from the root to the parent object */
  path: readonly PathStep[];
  parentType: GraphQLObjectType;
  responseKey: string;
  nodes: readonly FieldNode[];
  /** the row's keys the resolver reads, each with its column (which maps the value as the driver's would) */
  row: ReadonlyArray<readonly [string, PgColumn]>;
}

export interface Root {
  responseKey: string;
  nodes: readonly FieldNode[];
  compiled: boolean;
  /** whether its type allows null (a failed field is null) or not (a failed field nulls `data`) */
  nullable: boolean;
}

/** What a query's root fields are answered by: the statement, or execution. */
export interface CompiledOperation {
  /** one row whose `data` column is the JSON text of an object of every compiled root field; null when none is */
  statement: SQL | null;
  /** every root field in response order, with its field nodes; `compiled` when the statement answers it */
  roots: readonly Root[];
  /** the fields inside compiled root fields left to resolvers, in response order */
  handoffs: readonly Handoff[];
}

type FieldMap = Map<string, readonly FieldNode[]>;

/**
 * Compiles a query's root fields into one SQL statement whose one row's `data` column is a JSON
 * object of them, as text. The statement writes that text itself, by concatenation, so every
 * value in it is JSON text and never SQL null: `json_build_object` and `json_agg` look up how to
 * write each argument's type at every call, over a quarter of the nested shape's statement
 * (bench/profile-notes.md). A root field that asks for something SQL cannot answer, or whose
 * arguments execution will refuse (a page size of 500, a foreign cursor), is left to execution,
 * which reports them as usual; so is every root field when no other is compiled. Inside a compiled
 * field, a field only resolvers answer is handed to them with its parent's row (`handoffs`).
 * Fields are collected by graphql-js itself (fragments, `@skip`/`@include`, merging) and
 * arguments coerced by it, so the statement sees what execution would.
 */
export function compileOperation(
  sqlSchema: SqlSchema,
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  regions: RegionDirectory,
): CompiledOperation {
  const queryType = schema.getQueryType();
  if (operation.operation !== 'query' || !queryType) throw new NotCompilable('not a query');
  let aliases = 0;
  /** the handoffs of the root field being compiled, kept only once the whole field compiles */
  let handoffs: Handoff[] = [];

  const subfields = (type: GraphQLObjectType, nodes: readonly FieldNode[]): FieldMap =>
    collectSubfields(schema, fragments, variables, type, nodes);

  const argumentsOf = (parent: GraphQLObjectType, node: FieldNode) =>
    getArgumentValues(parent.getFields()[node.name.value]!, node, variables);

  const returnType = (parent: GraphQLObjectType, name: string): GraphQLObjectType => {
    const type = getNamedType(parent.getFields()[name]!.type);
    if (!isObjectType(type)) throw new NotCompilable(`${parent.name}.${name} is not an object`);
    return type;
  };

  /** The step to `parent.name`'s value under `key`, and with `items` the step on to each of its list's items. */
  const step = (parent: GraphQLObjectType, name: string, key: string, items = false): PathStep[] => {
    const type = parent.getFields()[name]!.type;
    const here = { key, nullable: !isNonNullType(type) };
    if (!items) return [here];
    const list = getNullableType(type);
    if (!isListType(list)) throw new NotCompilable(`${parent.name}.${name} is not a list`);
    return [here, { key: '*', nullable: !isNonNullType(list.ofType) }];
  };

  const sqlType = (name: string): SqlType => {
    const found = sqlSchema.types[name];
    if (!found) throw new NotCompilable(`no SQL for type ${name}`);
    return found;
  };

  const derivedTable = () => {
    const alias = `t${++aliases}`;
    const row: RowRef = { column: (c: PgColumn) => sql`${sql.identifier(alias)}.${sql.identifier(c.name)}` };
    return {
      alias: sql.identifier(alias),
      row,
      field: (name: string) => sql`${sql.identifier(alias)}.${sql.raw(name)}`,
    };
  };

  /**
   * The fields asked of one object at `path` whose columns are `row`'s; the columns read are added
   * to `columns`. `owner` is the table type the row is of, for its child lists and handoffs.
   */
  const objectJson = (
    type: GraphQLObjectType,
    fields: FieldMap,
    sqlFields: SqlFields,
    row: RowRef,
    columns: Set<PgColumn>,
    owner: SqlType | undefined,
    path: readonly PathStep[],
  ): SQL =>
    jsonObject(
      [...fields].map(([responseKey, nodes]) => {
        const name = nodes[0]!.name.value;
        if (name === '__typename') return [responseKey, literal(type.name)];
        const field = sqlFields[name];
        if (field === null) return [responseKey, handoff(type, responseKey, nodes, row, columns, owner, path)];
        if (!field) throw new NotCompilable(`no SQL for ${type.name}.${name}`);
        switch (field.kind) {
          case 'value':
            for (const c of field.columns) columns.add(c);
            return [responseKey, valueJson(field, row)];
          case 'embedded': {
            const inner = objectJson(
              returnType(type, name),
              subfields(returnType(type, name), nodes),
              field.fields,
              row,
              columns,
              undefined,
              [...path, ...step(type, name, responseKey)],
            );
            if (!field.nullWhen) return [responseKey, inner];
            columns.add(field.nullWhen);
            return [responseKey, sql`case when ${row.column(field.nullWhen)} is null then 'null' else ${inner} end`];
          }
          case 'reference': {
            columns.add(field.via);
            const target = sqlType(field.type);
            return [
              responseKey,
              rowJson(target, returnType(type, name), nodes, sql`${target.key} = ${row.column(field.via)}`, [
                ...path,
                ...step(type, name, responseKey),
              ]),
            ];
          }
          case 'list': {
            if (!owner) throw new NotCompilable(`${type.name}.${name} has no parent row`);
            columns.add(owner.key);
            const q = checkCursorFits(field.list.query(argumentsOf(type, nodes[0]!), regions));
            return [
              responseKey,
              connectionJson(
                returnType(type, name),
                nodes,
                sqlType(field.type),
                q,
                [...path, ...step(type, name, responseKey)],
                sql`${field.list.parent} = ${row.column(owner.key)}`,
              ),
            ];
          }
        }
      }),
    );

  /** A field only its resolver answers: the keys of the row it reads, for execution to continue from. */
  const handoff = (
    type: GraphQLObjectType,
    responseKey: string,
    nodes: readonly FieldNode[],
    row: RowRef,
    columns: Set<PgColumn>,
    owner: SqlType | undefined,
    path: readonly PathStep[],
  ): SQL => {
    const name = nodes[0]!.name.value;
    const keys = owner?.reads?.[name];
    if (!owner || !keys) throw new NotCompilable(`no SQL for ${type.name}.${name}, and no row to hand its resolver`);
    const byKey = getTableColumns(owner.table) as Record<string, PgColumn>;
    const read = keys.map((key) => [key, byKey[key]!] as const);
    for (const [, c] of read) columns.add(c);
    handoffs.push({ path, parentType: type, responseKey, nodes, row: read });
    // numeric as text: JSON numbers would lose digits the driver keeps; the type tells parents of
    // several types at one path (`nodes`) apart
    return jsonObject([
      [HANDOFF_TYPE, literal(type.name)],
      ...read.map(([key, c]): [string, SQL] => [
        key,
        valueJson(c.columnType === 'PgNumeric' ? decimal(c) : column(c), row),
      ]),
    ]);
  };

  /** At most one row of `target` matching `where`, or `null`. */
  const rowJson = (
    target: SqlType,
    type: GraphQLObjectType,
    nodes: readonly FieldNode[],
    where: SQL,
    path: readonly PathStep[],
  ): SQL => {
    const t = derivedTable();
    const columns = new Set<PgColumn>([target.key]);
    const json = objectJson(type, subfields(type, nodes), target.fields, t.row, columns, target, path);
    return sql`coalesce((select ${json} from (select ${selectList(columns)} from ${target.table} where ${where}) as ${t.alias}), 'null')`;
  };

  /**
   * A page of `q`'s rows under `parent` (or of the whole table), read once with one row more than
   * asked; nodes, edges and page info are aggregates over it, in the list's order. `group by ()`
   * makes it one row whatever is asked: page info alone may aggregate nothing, and an empty page
   * must still answer an object.
   */
  const connectionJson = (
    type: GraphQLObjectType,
    nodes: readonly FieldNode[],
    target: SqlType,
    q: ListQuery<PagedTable>,
    path: readonly PathStep[],
    parent?: SQL,
  ): SQL => {
    const t = derivedTable();
    const columns = new Set<PgColumn>([target.key]);
    const { limit, backward } = q.window;
    const fields = subfields(type, nodes);
    const pageInfoType = returnType(type, 'pageInfo');
    const edgeType = returnType(type, 'edges');
    const nodeType = returnType(edgeType, 'node');
    // what the asked fields need: the row after the page (whether more follow) and the sort key (cursors)
    const asked = new Set<string>();
    for (const [, fieldNodes] of fields) {
      const name = fieldNodes[0]!.name.value;
      if (name === 'pageInfo') for (const [, n] of subfields(pageInfoType, fieldNodes)) asked.add(n[0]!.name.value);
      if (name === 'edges') for (const [, n] of subfields(edgeType, fieldNodes)) asked.add(n[0]!.name.value);
    }
    const readsMore = asked.has(backward ? 'hasPreviousPage' : 'hasNextPage');
    const readsKey = asked.has('cursor') || asked.has('startCursor') || asked.has('endCursor');
    const fromCursor = literal(q.window.from !== null);
    const more = sql`case when count(*) > ${sql.raw(String(limit))} then 'true' else 'false' end`;
    // the page is ordered by the row number only when the row after it is read; else by the sort itself
    const inPage = readsMore ? sql` filter (where ${t.field('_n')} <= ${sql.raw(String(limit))})` : sql``;
    const order = (reversed: boolean) => {
      const dir = sql.raw(backward !== reversed ? 'desc' : 'asc');
      if (readsMore) return sql`${t.field('_n')} ${dir}`;
      // the list reads forward in its sort order, so the page reads in reverse when it was read backward
      const reverse = sql.raw(q.sort.descending !== reversed ? 'desc' : 'asc');
      return sql`${t.field('_s')} ${reverse}, ${t.row.column(target.key)} ${reverse}`;
    };
    const cursor = base64url(
      sql`'[' || coalesce(to_json(${t.field('_k')})::text, 'null') || ',' || to_json(${t.row.column(target.key)}::text)::text || ']'`,
    );
    const nodeJson = (fieldNodes: readonly FieldNode[], nodePath: readonly PathStep[]) =>
      objectJson(nodeType, subfields(nodeType, fieldNodes), target.fields, t.row, columns, target, nodePath);
    // an aggregate reads the derived table's rows in its order, the page's when read forward; a page
    // list sorts them again (a sort per page) only when read backward, or beside cursors' ordered
    // aggregates, for which PostgreSQL 16 may sort the rows that every aggregate reads
    const inOrder = !backward && !asked.has('startCursor') && !asked.has('endCursor');
    const pageList = (item: SQL) =>
      sql`coalesce('[' || string_agg(${item}, ','${inOrder ? sql`` : sql` order by ${order(false)}`})${inPage} || ']', '[]')`;
    const edgeCursor = (reversed: boolean) =>
      plainString(sql`(array_agg(${cursor} order by ${order(reversed)})${inPage})[1]`);
    let readsRows = false;
    // a search's rank orders every match: read them once, for the page and its count (a count alone reads them as usual)
    const matchedOnce =
      !parent &&
      q.sort.readsEveryMatch === true &&
      [...fields].some(([, n]) => ['nodes', 'edges', 'pageInfo'].includes(n[0]!.name.value));

    const entries = [...fields].map(([responseKey, fieldNodes]): [string, SQL] => {
      const name = fieldNodes[0]!.name.value;
      switch (name) {
        case '__typename':
          return [responseKey, literal(type.name)];
        case 'totalCount':
          return [
            responseKey,
            parent
              ? sql`(select count(*) from ${q.table} ${whereAll([parent, ...q.conditions])})::text`
              : matchedOnce
                ? sql`(select count(*) from matched)::text`
                : sql`coalesce((${totalCountOf(q)})::int::text, 'null')`,
          ];
        case 'nodes':
          readsRows = true;
          return [responseKey, pageList(nodeJson(fieldNodes, [...path, ...step(type, 'nodes', responseKey, true)]))];
        case 'edges': {
          readsRows = true;
          const edgePath = [...path, ...step(type, 'edges', responseKey, true)];
          const edge = jsonObject(
            [...subfields(edgeType, fieldNodes)].map(([edgeKey, edgeNodes]): [string, SQL] => {
              const edgeField = edgeNodes[0]!.name.value;
              switch (edgeField) {
                case '__typename':
                  return [edgeKey, literal(edgeType.name)];
                case 'cursor':
                  return [edgeKey, plainString(cursor)];
                case 'node':
                  return [edgeKey, nodeJson(edgeNodes, [...edgePath, ...step(edgeType, 'node', edgeKey)])];
                default:
                  throw new NotCompilable(`no SQL for ${edgeType.name}.${edgeField}`);
              }
            }),
          );
          return [responseKey, pageList(edge)];
        }
        case 'pageInfo': {
          readsRows = true;
          return [
            responseKey,
            jsonObject(
              [...subfields(pageInfoType, fieldNodes)].map(([infoKey, infoNodes]): [string, SQL] => {
                const infoField = infoNodes[0]!.name.value;
                switch (infoField) {
                  case '__typename':
                    return [infoKey, literal(pageInfoType.name)];
                  case 'hasNextPage':
                    return [infoKey, backward ? fromCursor : more];
                  case 'hasPreviousPage':
                    return [infoKey, backward ? more : fromCursor];
                  case 'startCursor':
                    return [infoKey, edgeCursor(false)];
                  case 'endCursor':
                    return [infoKey, edgeCursor(true)];
                  default:
                    throw new NotCompilable(`no SQL for ${pageInfoType.name}.${infoField}`);
                }
              }),
            ),
          ];
        }
        default:
          throw new NotCompilable(`no SQL for ${type.name}.${name}`);
      }
    });
    if (!readsRows) return jsonObject(entries);
    // the matches, once read, are the table the page is taken from: only the cursor's bound is left to apply
    const { conditions, orderBy } = keyset(matchedOnce ? { ...q, conditions: [] } : q);
    return sql`(${matchedOnce ? sql`with matched as materialized (select * from ${q.table} ${whereAll(q.conditions)}) ` : sql``}select ${jsonObject(entries)} from (
      select ${selectList(columns)}${readsKey ? sql`, (${q.sort.key})::text as _k` : sql``}${
        readsMore ? sql`, row_number() over (order by ${orderBy}) as _n` : inOrder ? sql`` : sql`, ${q.sort.key} as _s`
      }
      from ${matchedOnce ? sql`matched as ${q.table}` : q.table} ${whereAll(parent ? [parent, ...conditions] : conditions)}
      order by ${orderBy} limit ${readsMore ? literalLimit(q) : sql.raw(String(limit))}) as ${t.alias} group by ())`;
  };

  /**
   * The object a global ID names, with the fields asked of its concrete type, or null for an ID of
   * a type the graph does not show; an ID that is not one of ours is left to the resolver, which
   * names it. `id` is where the statement reads the row id.
   */
  const nodeJson = (
    globalId: string,
    nodes: readonly FieldNode[],
    path: readonly PathStep[],
    id: (rowId: string) => SQL,
  ): SQL => {
    const parsed = parseGlobalId(globalId);
    if (!parsed) throw new NotCompilable('not a valid ID');
    if (!isNodeType(parsed.type)) return sql`'null'`;
    const type = schema.getType(parsed.type);
    if (!isObjectType(type)) throw new NotCompilable(`${parsed.type} is not an object`);
    const target = sqlType(parsed.type);
    return rowJson(target, type, nodes, sql`${target.key} = ${id(parsed.id)}`, path);
  };

  /** A root field's value, or NotCompilable / an argument's error when execution must answer it. */
  const rootJson = (field: SqlRootField, responseKey: string, nodes: readonly FieldNode[]): SQL => {
    const name = nodes[0]!.name.value;
    const args = argumentsOf(queryType, nodes[0]!);
    switch (field.kind) {
      case 'list':
        return connectionJson(
          returnType(queryType, name),
          nodes,
          sqlType(field.type),
          checkCursorFits(field.list(args, regions)),
          step(queryType, name, responseKey),
        );
      case 'lookup':
        return rowJson(
          sqlType(field.type),
          returnType(queryType, name),
          nodes,
          field.where(args, regions),
          step(queryType, name, responseKey),
        );
      case 'node':
        return nodeJson(args['id'] as string, nodes, step(queryType, name, responseKey), (id) => sql`${id}`);
      case 'nodes': {
        const ids = args['ids'] as string[];
        // more than a page: the resolver refuses them
        if (ids.length > MAX_PAGE_SIZE) throw new NotCompilable('too many IDs');
        if (ids.length === 0) return sql`'[]'`;
        // one look-up by primary key per ID, in the order given: the IDs are a derived table's rows
        const n = `n${++aliases}`;
        const itemPath = step(queryType, name, responseKey, true);
        const items = ids.map((globalId) => nodeJson(globalId, nodes, itemPath, () => sql`${sql.identifier(n)}.id`));
        const values = ids.map((globalId, i) => {
          const parsed = parseGlobalId(globalId)!;
          return sql`(${sql.raw(String(i))}, ${parsed.id}::uuid)`;
        });
        const choice = sql.join(
          items.map((item, i) => sql`when ${sql.raw(String(i))} then ${item}`),
          sql` `,
        );
        return sql`(select '[' || string_agg(case ${sql.identifier(n)}.i ${choice} end, ',' order by ${sql.identifier(n)}.i) || ']'
          from (values ${sql.join(values, sql`, `)}) as ${sql.identifier(n)}(i, id))`;
      }
    }
  };

  const roots: Root[] = [];
  const kept: Handoff[] = [];
  const entries: Array<[string, SQL]> = [];
  /** a non-null root field whose arguments execution refuses: its error nulls `data`, so no statement is worth sending */
  let refusedNonNull = false;
  for (const [responseKey, nodes] of collectFields(schema, fragments, variables, queryType, operation.selectionSet)) {
    const name = nodes[0]!.name.value;
    const field = sqlSchema.roots[name];
    const nullable = name === '__typename' || !isNonNullType(rootFieldType(queryType, name));
    let json: SQL | null = name === '__typename' ? literal(queryType.name) : null;
    if (field) {
      handoffs = [];
      try {
        json = rootJson(field, responseKey, nodes);
        kept.push(...handoffs);
      } catch (error) {
        // fields only resolvers answer, or arguments execution will refuse with its own error
        if (!(error instanceof NotCompilable || error instanceof GraphQLError)) throw error;
        refusedNonNull ||= error instanceof GraphQLError && !nullable;
      }
    }
    roots.push({ responseKey, nodes, compiled: json !== null, nullable });
    if (json) entries.push([responseKey, json]);
  }
  // `__typename` alone is not worth a statement
  if (refusedNonNull || !roots.some((r) => r.compiled && r.nodes[0]!.name.value !== '__typename')) {
    return { statement: null, roots: roots.map((r) => ({ ...r, compiled: false })), handoffs: [] };
  }
  return { statement: sql`select ${jsonObject(entries)} as data`, roots, handoffs: kept };
}

/** A root field's type, introspection's `__schema` and `__type` included (they are not among the type's fields). */
function rootFieldType(queryType: GraphQLObjectType, name: string) {
  if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef.type;
  if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef.type;
  return queryType.getFields()[name]!.type;
}

/**
 * The text of a JSON object with these keys in this order, of values that are JSON text; the keys
 * are GraphQL names, safe to write as literals.
 */
function jsonObject(entries: ReadonlyArray<readonly [string, SQL]>): SQL {
  const members = entries.map(([key, value], i) => sql`${sql.raw(`'${i === 0 ? '{' : ','}"${key}":'`)} || ${value}`);
  return members.length === 0 ? sql`'{}'` : sql`(${sql.join(members, sql` || `)} || '}')`;
}

/** A leaf's value as JSON text, `null` when it is null. */
function valueJson(field: SqlValue, row: RowRef): SQL {
  const value = field.json(row);
  switch (field.text) {
    case 'string':
      return plainString(value);
    case 'number':
      return sql`coalesce((${value})::text, 'null')`;
    default:
      return sql`coalesce(to_json(${value})::text, 'null')`;
  }
}

/** A JSON string of text that needs no escaping (an ID, a decimal, a cursor), `null` when it is null. */
function plainString(text: SQL): SQL {
  return sql`coalesce('"' || (${text})::text || '"', 'null')`;
}

/** A name or a boolean as JSON text, written into the statement. */
function literal(value: string | boolean): SQL {
  return sql.raw(`'${JSON.stringify(value)}'`);
}

function selectList(columns: ReadonlySet<PgColumn>): SQL {
  return sql.join(
    [...columns].map((c) => sql`${c}`),
    sql`, `,
  );
}
