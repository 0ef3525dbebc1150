import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE } from '../pagination/arguments';
import { FIELD_COSTS, type ArgumentValues } from './field-costs';

const isConnection = (type: GraphQLNamedType) => isObjectType(type) && type.name.endsWith('Connection');

/** A connection's page size: `first`, else `last`, else the default page. */
function pageSize(args: ArgumentValues): number {
  for (const name of ['first', 'last']) {
    const value = args[name];
    if (typeof value === 'number') return Math.max(0, value);
  }
  return DEFAULT_PAGE_SIZE;
}

/**
 * How many nodes an operation could return, GitHub's way, and what its aggregates weigh: each
 * connection contributes its `first`/`last` (the default page size when neither is given) times
 * the sizes of every list above it; a list that is not a connection's page (`nodes(ids:)`,
 * `donationStats`) counts its size from FIELD_COSTS the same way, and a field with a weight
 * there (an aggregate, introspection) adds it once per time it can be resolved. Variables are
 * applied, so `first: $n` counts what $n says.
 */
export function countRequestedNodes(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): number {
  const argumentsOf = (field: GraphQLField<unknown, unknown>, node: FieldNode): ArgumentValues => {
    try {
      return getArgumentValues(field, node, variables);
    } catch {
      return {}; // arguments execution will refuse; count what the defaults say
    }
  };

  const walk = (
    selectionSet: SelectionSetNode,
    type: GraphQLNamedType,
    multiplier: number,
    seen: Set<string>,
  ): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        const cost = FIELD_COSTS[`${type.name}.${name}`];
        // introspection's fields are not the type's: its weight stands for all it selects
        if (name.startsWith('__')) {
          total += multiplier * (cost?.weight ?? 0);
          continue;
        }
        if (!isObjectType(type) && !isInterfaceType(type)) continue;
        const field = type.getFields()[name];
        if (!field || !selection.selectionSet) continue;
        const fieldType = getNamedType(field.type);
        const args = argumentsOf(field, selection);
        let size: number | undefined;
        if (isConnection(fieldType)) size = pageSize(args);
        else if (cost?.listSize) size = cost.listSize(args);
        // a connection's `nodes` and `edges` (and a list marked `page`) are its page, counted already; a list missing from
        // FIELD_COSTS (a test forbids it) counts as a default page
        else if (isListType(getNullableType(field.type)) && !isConnection(type) && !cost?.page)
          size = DEFAULT_PAGE_SIZE;
        total += multiplier * ((size ?? 0) + (cost?.weight ?? 0));
        total += walk(selection.selectionSet, fieldType, multiplier * (size ?? 1), seen);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
        total += walk(selection.selectionSet, on ?? type, multiplier, seen);
      } else {
        const fragment = fragments[selection.name.value];
        if (!fragment || seen.has(fragment.name.value)) continue;
        const on = schema.getType(fragment.typeCondition.name.value) ?? type;
        total += walk(fragment.selectionSet, on, multiplier, new Set([...seen, fragment.name.value]));
      }
    }
    return total;
  };

  const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
  return root ? walk(operation.selectionSet, root, 1, new Set()) : 0;
}
