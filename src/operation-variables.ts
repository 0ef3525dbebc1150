import { getVariableValues, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';

type Coerced = ReturnType<typeof getVariableValues>;

/** Each request's variables as execution will see them, coerced once whichever plugin asks first. */
const coercedByRequest = new WeakMap<object, Coerced>();

/**
 * The operation's variables coerced by graphql-js (defaults applied, undeclared ones dropped),
 * or its errors; computed once per request (`request` is Apollo's request object).
 */
export function operationVariables(
  request: { variables?: Record<string, unknown> },
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
): Coerced {
  let coerced = coercedByRequest.get(request);
  if (!coerced) {
    coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
    coercedByRequest.set(request, coerced);
  }
  return coerced;
}
