import type { ApolloServerPlugin } from '@apollo/server';
import type { MeteredContext } from '../modules/access/cost-plugin';
import { UNRESOLVED_OPERATION, type AnswerPath, type Metrics } from './metrics';

/** What a GraphQL request's plugins learned, for its log line and /metrics (request-log.ts). */
export interface RequestObservation {
  /** the operation's label (metrics.ts OperationNames); unset until an operation is resolved */
  operation?: string;
  path?: AnswerPath;
  /** the first error's `extensions.code` */
  code?: string;
  /** points charged to the caller's budget */
  cost?: number;
}

/** What the plugin reads from and leaves on each request's context. */
export interface ObservedContext extends MeteredContext {
  /** a holder, since Apollo may execute on a shallow copy of the context */
  observed: RequestObservation;
}

/**
 * Learns how each GraphQL request was answered: its operation, the path (`compiled` when one SQL
 * statement answered it, `resolvers` when it executed, `none` when nothing executed: refused
 * before, or a mutation replayed from its Idempotency-Key), its first error code and the points
 * charged, which it counts by tier. It must be the first plugin: Apollo asks plugins for a
 * response in order and stops at the first that gives one (compiled reads, an Idempotency-Key
 * replay), so only the first is always asked.
 */
export function observationPlugin<C extends ObservedContext>(metrics: Metrics): ApolloServerPlugin<C> {
  return {
    async requestDidStart({ contextValue }) {
      const { observed } = contextValue;
      return {
        async didResolveOperation({ operation }) {
          observed.operation = metrics.operationNames.label(operation?.name?.value);
        },
        async responseForOperation({ operation }) {
          // nothing executes if a later plugin answers: one statement for a query, a replay for a mutation
          observed.path = operation?.operation === 'query' ? 'compiled' : 'none';
          return null;
        },
        async executionDidStart() {
          observed.path = 'resolvers';
        },
        async willSendResponse({ response, contextValue: context }) {
          observed.operation ??= UNRESOLVED_OPERATION;
          observed.path ??= 'none';
          if (response.body.kind === 'single') {
            const code = response.body.singleResult.errors?.[0]?.extensions?.['code'];
            if (typeof code === 'string') observed.code = code;
          }
          const charge = context.rateLimit;
          if (charge?.allowed) {
            observed.cost = charge.cost;
            metrics.countPoints(context.caller.key?.tier ?? 'ANONYMOUS', charge.cost);
          }
        },
      };
    },
  };
}
