import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { InferSelectModel } from 'drizzle-orm';
import { projectionOf, type Projection } from './rows';
import type { PagedTable } from './store';

/**
 * For every field of the GraphQL type `G`, the keys of its row that the field's resolver reads
 * (the row's own column for a plain field; a foreign key, a money column and its currency, the
 * provenance pair, or just `id` for a child list). Typed over the generated type, so a field
 * added to the schema does not compile until it says what it reads.
 */
export type FieldColumns<G, Row> = Readonly<Record<Exclude<keyof G, '__typename'>, ReadonlyArray<keyof Row & string>>>;

type Fragments = GraphQLResolveInfo['fragments'];

/** Every field of a selection set, through fragment spreads and inline fragments. */
function eachField(set: SelectionSetNode | undefined, fragments: Fragments, visit: (field: FieldNode) => void): void {
  for (const selection of set?.selections ?? []) {
    if (selection.kind === Kind.FIELD) visit(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) eachField(selection.selectionSet, fragments, visit);
    else eachField(fragments[selection.name.value]?.selectionSet, fragments, visit);
  }
}

/**
 * Per connection field node, its projection: a field node belongs to one connection field, so to
 * one table. Held only as long as Apollo's parsed-document cache holds the document.
 */
const selected = new WeakMap<FieldNode, Projection<PagedTable>>();

/**
 * What a connection field's list must select: the columns read by every field asked of its nodes,
 * through `nodes` and `edges { node }`, under any alias or fragment. Node types are concrete, so
 * every fragment that validation admits applies; `@skip` and `@include` are not evaluated, so a
 * field they leave out is read anyway and the answer holds for any variables. Cached per field
 * node, which Apollo's parsed-document cache reuses across requests of the same operation; a
 * field merged from several nodes is worked out each time.
 */
export function selectedColumns<T extends PagedTable, G>(
  info: GraphQLResolveInfo,
  table: T,
  fields: FieldColumns<G, InferSelectModel<T>>,
): Projection<T> {
  const only = info.fieldNodes.length === 1 ? info.fieldNodes[0]! : undefined;
  const cached = only && selected.get(only);
  if (cached) return cached as Projection<T>;
  const keys = new Set<string>();
  const read = (field: FieldNode) => {
    for (const key of (fields as Record<string, readonly string[] | undefined>)[field.name.value] ?? []) keys.add(key);
  };
  for (const connection of info.fieldNodes) {
    eachField(connection.selectionSet, info.fragments, (field) => {
      if (field.name.value === 'nodes') eachField(field.selectionSet, info.fragments, read);
      if (field.name.value === 'edges')
        eachField(field.selectionSet, info.fragments, (edge) => {
          if (edge.name.value === 'node') eachField(edge.selectionSet, info.fragments, read);
        });
    });
  }
  const projection = projectionOf(table, keys);
  if (only) selected.set(only, projection);
  return projection;
}

/** The names of the fields asked of the value `info`'s field returns, through fragments, whatever their aliases. */
export function askedFields(info: GraphQLResolveInfo): Set<string> {
  const names = new Set<string>();
  for (const node of info.fieldNodes)
    eachField(node.selectionSet, info.fragments, (field) => names.add(field.name.value));
  return names;
}
