import type { GraphQLRequest } from '@apollo/server';
import { getVariableValues, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';

type Coerced = ReturnType<typeof getVariableValues>;

const coercions = new WeakMap<GraphQLRequest, Coerced>();

/**
 * The request's variables coerced to its operation's declared types, defaults applied, as
 * execution will see them (graphql-js's getVariableValues): computed once per request for the
 * plugins that read them (the request checks, metering and compiled reads), each handed the same
 * request object by Apollo.
 */
export function coercedVariables(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  request: GraphQLRequest,
): Coerced {
  let coerced = coercions.get(request);
  if (!coerced) {
    coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
    coercions.set(request, coerced);
  }
  return coerced;
}
