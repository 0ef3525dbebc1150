import {
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  type ArgumentNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE } from '../pagination/arguments';

/**
 * How many nodes an operation could return, GitHub's way: each connection contributes its
 * `first`/`last` (the default page size when neither is given) times the page sizes of every
 * connection above it. Variables are applied, so `first: $n` counts what $n says.
 */
export function countRequestedNodes(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): number {
  const pageSize = (args: readonly ArgumentNode[]): number => {
    for (const name of ['first', 'last']) {
      const arg = args.find((a) => a.name.value === name);
      const value =
        arg?.value.kind === Kind.VARIABLE
          ? variables[arg.value.name.value]
          : arg?.value.kind === Kind.INT
            ? Number(arg.value.value)
            : undefined;
      if (typeof value === 'number') return Math.max(0, value);
    }
    return DEFAULT_PAGE_SIZE;
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
        if (!isObjectType(type) && !isInterfaceType(type)) continue;
        const field = type.getFields()[selection.name.value];
        if (!field || !selection.selectionSet) continue;
        const fieldType = getNamedType(field.type);
        const isConnection = isObjectType(fieldType) && fieldType.name.endsWith('Connection');
        const size = isConnection ? pageSize(selection.arguments ?? []) : 1;
        if (isConnection) total += multiplier * size;
        total += walk(selection.selectionSet, fieldType, multiplier * size, seen);
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
