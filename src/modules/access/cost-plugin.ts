import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type OperationDefinitionNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import { fragmentsOf } from '../../fragments';
import { coercedVariables } from '../../request-variables';
import type { Budget, BudgetStore, Charge } from './budgets';
import { requestCost } from './cost';
import { countRequestedNodes } from './node-count';
import type { Caller } from './tiers';

/** Variable values whose node counts are kept per operation; the least recently used go first. */
const COUNTS_PER_OPERATION = 64;

/** What the plugin reads from and leaves on each request's context. */
export interface MeteredContext {
  caller: Caller;
  /** set once the request has been charged; `rateLimit` and the response report it */
  rateLimit?: Charge;
}

/**
 * Meters every operation once its variables are known and before anything executes:
 * refuses one that could return more than `maxNodes` nodes (QUERY_TOO_COMPLEX, 400), charges
 * its cost to the caller's budget and refuses it if it does not fit (RATE_LIMITED, 429 with
 * Retry-After). Every response then reports the budget in `X-RateLimit-*` headers and
 * `extensions.cost`, also when nothing was charged (a document that did not parse, say).
 */
export function costPlugin<C extends MeteredContext>(maxNodes: number, budgets: BudgetStore): ApolloServerPlugin<C> {
  // each parsed operation's node counts by variable values: Apollo's document store hands the same
  // operation to every request sending the same text, and counting walks it
  const nodeCounts = new WeakMap<OperationDefinitionNode, LRUCache<string, number>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation, schema, contextValue }) {
          if (!operation) return;
          // variables as execution will see them, defaults applied: `$n: Int = 100` sent as {} counts 100
          const variables = coercedVariables(schema, operation, request).coerced ?? request.variables ?? {};
          let counted = nodeCounts.get(operation);
          if (!counted) {
            counted = new LRUCache<string, number>({ max: COUNTS_PER_OPERATION });
            nodeCounts.set(operation, counted);
          }
          const key = JSON.stringify(variables);
          let nodes = counted.get(key);
          if (nodes === undefined) {
            nodes = countRequestedNodes(schema, operation, fragmentsOf(document), variables);
            counted.set(key, nodes);
          }
          if (nodes > maxNodes) {
            throw new GraphQLError(
              `This request could return ${nodes} nodes; at most ${maxNodes} may be asked for at once. Ask for smaller pages.`,
              { extensions: { code: 'QUERY_TOO_COMPLEX', nodes, limit: maxNodes, http: { status: 400 } } },
            );
          }
          const { caller } = contextValue;
          const charge = await budgets.charge(caller.budgetKey, requestCost(operation.operation, nodes), caller.limit);
          contextValue.rateLimit = charge;
          if (!charge.allowed) throw rateLimited(charge);
        },

        async willSendResponse({ response, contextValue }) {
          const { caller } = contextValue;
          const budget = contextValue.rateLimit ?? (await budgets.charge(caller.budgetKey, 0, caller.limit));
          for (const [name, value] of rateLimitHeaders(budget)) response.http.headers.set(name, value);
          if (response.body.kind === 'single') {
            const result = response.body.singleResult;
            result.extensions = { ...result.extensions, cost: costReport(budget) };
          }
        },
      };
    },
  };
}

/** GitHub's `X-RateLimit-*` headers; the reset is in epoch seconds. */
export function rateLimitHeaders(budget: Budget): Array<[string, string]> {
  return [
    ['x-ratelimit-limit', String(budget.limit)],
    ['x-ratelimit-remaining', String(budget.remaining)],
    ['x-ratelimit-used', String(budget.used)],
    ['x-ratelimit-reset', String(Math.ceil(budget.resetAt.getTime() / 1000))],
  ];
}

/** RATE_LIMITED, with Retry-After when waiting for the window to end would help. */
function rateLimited(charge: Charge): GraphQLError {
  const never = charge.cost > charge.limit;
  const retryAfter = Math.max(1, Math.ceil((charge.resetAt.getTime() - Date.now()) / 1000));
  return new GraphQLError(
    never
      ? `This request costs ${charge.cost} points, more than the whole budget of ${charge.limit}. Ask for smaller pages, or use a key of a larger tier.`
      : `This request costs ${charge.cost} points and ${charge.remaining} of ${charge.limit} remain until ${charge.resetAt.toISOString()}. Try again then, ask for less, or use a key of a larger tier.`,
    {
      extensions: {
        code: 'RATE_LIMITED',
        cost: costReport(charge),
        http: { status: 429, headers: new Map(never ? [] : [['retry-after', String(retryAfter)]]) },
      },
    },
  );
}

/** `extensions.cost`, Shopify's idea in API.md's names; `requested` is 0 when nothing was charged. */
function costReport(budget: Charge) {
  return {
    requested: budget.cost,
    limit: budget.limit,
    remaining: budget.remaining,
    resetAt: budget.resetAt.toISOString(),
  };
}
