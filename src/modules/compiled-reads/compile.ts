import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import {
  getNamedType,
  isObjectType,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { collectFields, collectSubfields } from 'graphql/execution/collectFields';
import { getArgumentValues } from 'graphql/execution/values';
import { whereAll } from '../../db/where-all';
import { checkCursorFits, keyset, literalLimit, type ListQuery, type PagedTable } from '../pagination/store';
import type { RegionDirectory } from '../regions/directory';
import { base64url, type RowRef, type SqlFields, type SqlRootField, type SqlType } from './fields';

/** Every type and root field that can be answered in SQL; the rest are answered by resolvers. */
export interface SqlSchema {
  types: Readonly<Record<string, SqlType>>;
  roots: Readonly<Record<string, SqlRootField>>;
}

/** The operation asks for something only resolvers answer; it is executed as usual. */
export class NotCompilable extends Error {}

/** json_build_object takes at most 100 arguments, two per key. */
const MAX_KEYS = 50;

type FieldMap = Map<string, readonly FieldNode[]>;

/**
 * Compiles a query into one SQL statement whose one row's `data` column is the operation's
 * `data` as JSON text, or throws NotCompilable. Fields are collected by graphql-js itself
 * (fragments, `@skip`/`@include`, merging) and arguments coerced by it, so the statement sees
 * what execution would; argument errors (a page size of 500, a foreign cursor) throw here, and
 * the caller leaves those to execution, which reports them as usual.
 */
export function compileOperation(
  sqlSchema: SqlSchema,
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  regions: RegionDirectory,
): SQL {
  const queryType = schema.getQueryType();
  if (operation.operation !== 'query' || !queryType) throw new NotCompilable('not a query');
  let aliases = 0;

  const subfields = (type: GraphQLObjectType, nodes: readonly FieldNode[]): FieldMap =>
    collectSubfields(schema, fragments, variables, type, nodes);

  const argumentsOf = (parent: GraphQLObjectType, node: FieldNode) =>
    getArgumentValues(parent.getFields()[node.name.value]!, node, variables);

  const returnType = (parent: GraphQLObjectType, name: string): GraphQLObjectType => {
    const type = getNamedType(parent.getFields()[name]!.type);
    if (!isObjectType(type)) throw new NotCompilable(`${parent.name}.${name} is not an object`);
    return type;
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

  /** The fields asked of one object whose columns are `row`'s; the columns read are added to `columns`. */
  const objectJson = (
    type: GraphQLObjectType,
    fields: FieldMap,
    sqlFields: SqlFields,
    row: RowRef,
    columns: Set<PgColumn>,
    key: PgColumn | undefined,
  ): SQL =>
    jsonObject(
      [...fields].map(([responseKey, nodes]) => {
        const name = nodes[0]!.name.value;
        if (name === '__typename') return [responseKey, literal(type.name)];
        const field = sqlFields[name];
        if (!field) throw new NotCompilable(`no SQL for ${type.name}.${name}`);
        switch (field.kind) {
          case 'value':
            for (const c of field.columns) columns.add(c);
            return [responseKey, field.json(row)];
          case 'embedded': {
            const inner = objectJson(
              returnType(type, name),
              subfields(returnType(type, name), nodes),
              field.fields,
              row,
              columns,
              undefined,
            );
            if (!field.nullWhen) return [responseKey, inner];
            columns.add(field.nullWhen);
            return [responseKey, sql`case when ${row.column(field.nullWhen)} is null then null else ${inner} end`];
          }
          case 'reference': {
            columns.add(field.via);
            const target = sqlType(field.type);
            return [
              responseKey,
              rowJson(target, returnType(type, name), nodes, sql`${target.key} = ${row.column(field.via)}`),
            ];
          }
          case 'list': {
            if (!key) throw new NotCompilable(`${type.name}.${name} has no parent row`);
            columns.add(key);
            const q = checkCursorFits(field.list.query(argumentsOf(type, nodes[0]!), regions));
            return [
              responseKey,
              connectionJson(
                returnType(type, name),
                nodes,
                sqlType(field.type),
                q,
                sql`${field.list.parent} = ${row.column(key)}`,
              ),
            ];
          }
        }
      }),
    );

  /** At most one row of `target` matching `where`, or null. */
  const rowJson = (target: SqlType, type: GraphQLObjectType, nodes: readonly FieldNode[], where: SQL): SQL => {
    const t = derivedTable();
    const columns = new Set<PgColumn>([target.key]);
    const json = objectJson(type, subfields(type, nodes), target.fields, t.row, columns, target.key);
    return sql`(select ${json} from (select ${selectList(columns)} from ${target.table} where ${where}) as ${t.alias})`;
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
    const more = sql`count(*) > ${sql.raw(String(limit))}`;
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
    const nodeJson = (fieldNodes: readonly FieldNode[]) =>
      objectJson(nodeType, subfields(nodeType, fieldNodes), target.fields, t.row, columns, target.key);
    const pageList = (item: SQL) => sql`coalesce(json_agg(${item} order by ${order(false)})${inPage}, '[]'::json)`;
    const edgeCursor = (reversed: boolean) => sql`(array_agg(${cursor} order by ${order(reversed)})${inPage})[1]`;
    let readsRows = false;

    const entries = [...fields].map(([responseKey, fieldNodes]): [string, SQL] => {
      const name = fieldNodes[0]!.name.value;
      switch (name) {
        case '__typename':
          return [responseKey, literal(type.name)];
        case 'totalCount':
          return [
            responseKey,
            sql`(select count(*)::int from ${q.table} ${whereAll(parent ? [parent, ...q.conditions] : q.conditions)})`,
          ];
        case 'nodes':
          readsRows = true;
          return [responseKey, pageList(nodeJson(fieldNodes))];
        case 'edges': {
          readsRows = true;
          const edge = jsonObject(
            [...subfields(edgeType, fieldNodes)].map(([edgeKey, edgeNodes]): [string, SQL] => {
              const edgeField = edgeNodes[0]!.name.value;
              switch (edgeField) {
                case '__typename':
                  return [edgeKey, literal(edgeType.name)];
                case 'cursor':
                  return [edgeKey, cursor];
                case 'node':
                  return [edgeKey, nodeJson(edgeNodes)];
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
    const { conditions, orderBy } = keyset(q);
    return sql`(select ${jsonObject(entries)} from (
      select ${selectList(columns)}${readsKey ? sql`, (${q.sort.key})::text as _k` : sql``},
        ${readsMore ? sql`row_number() over (order by ${orderBy}) as _n` : sql`${q.sort.key} as _s`}
      from ${q.table} ${whereAll(parent ? [parent, ...conditions] : conditions)}
      order by ${orderBy} limit ${readsMore ? literalLimit(q) : sql.raw(String(limit))}) as ${t.alias} group by ())`;
  };

  const root = collectFields(schema, fragments, variables, queryType, operation.selectionSet);
  const data = jsonObject(
    [...root].map(([responseKey, nodes]): [string, SQL] => {
      const name = nodes[0]!.name.value;
      if (name === '__typename') return [responseKey, literal(queryType.name)];
      const field = sqlSchema.roots[name];
      if (!field) throw new NotCompilable(`no SQL for Query.${name}`);
      const args = argumentsOf(queryType, nodes[0]!);
      const target = sqlType(field.type);
      return field.kind === 'list'
        ? [
            responseKey,
            connectionJson(returnType(queryType, name), nodes, target, checkCursorFits(field.list(args, regions))),
          ]
        : [responseKey, rowJson(target, returnType(queryType, name), nodes, field.where(args, regions))];
    }),
  );
  return sql`select ${data}::text as data`;
}

/** A JSON object with these keys in this order; the keys are GraphQL names, safe to write as literals. */
function jsonObject(entries: ReadonlyArray<readonly [string, SQL]>): SQL {
  if (entries.length > MAX_KEYS) throw new NotCompilable(`more than ${MAX_KEYS} fields in one selection`);
  return sql`json_build_object(${sql.join(
    entries.map(([key, value]) => sql`${sql.raw(`'${key}'`)}, ${value}`),
    sql`, `,
  )})`;
}

/** A name or a boolean, written into the statement. */
function literal(value: string | boolean): SQL {
  return sql.raw(typeof value === 'boolean' ? String(value) : `'${value}'::text`);
}

function selectList(columns: ReadonlySet<PgColumn>): SQL {
  return sql.join(
    [...columns].map((c) => sql`${c}`),
    sql`, `,
  );
}
