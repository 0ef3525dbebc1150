/** What a mutation costs, whatever it selects. */
export const MUTATION_COST = 10;

/** Points a request costs, GitHub's rule: its possible nodes ÷ 100, rounded up, at least 1; a mutation 10. */
export function requestCost(operation: 'query' | 'mutation' | 'subscription', nodes: number): number {
  return operation === 'mutation' ? MUTATION_COST : Math.max(1, Math.ceil(nodes / 100));
}
