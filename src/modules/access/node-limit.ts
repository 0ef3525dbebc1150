import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type FragmentDefinitionNode } from 'graphql';
import { countRequestedNodes } from './node-count';

/** Refuses, before execution, an operation that could return more than `maxNodes` nodes. */
export function nodeLimitPlugin<C extends object>(maxNodes: number): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation, schema }) {
          if (!operation) return;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const definition of document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
          }
          const nodes = countRequestedNodes(schema, operation, fragments, request.variables ?? {});
          if (nodes > maxNodes) {
            throw new GraphQLError(
              `This request could return ${nodes} nodes; at most ${maxNodes} may be asked for at once. Ask for smaller pages.`,
              { extensions: { code: 'QUERY_TOO_COMPLEX', nodes, limit: maxNodes, http: { status: 400 } } },
            );
          }
        },
      };
    },
  };
}
