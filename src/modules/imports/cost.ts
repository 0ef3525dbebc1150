import type { BudgetStore, Charge } from '../access/budgets';
import { MUTATION_COST } from '../access/cost';
import type { Caller } from '../access/tiers';

/** What an import costs before its rows are counted, as any mutation: 10 points. */
export const IMPORT_BASE_COST = MUTATION_COST;

/** The points an import's rows add: one per 100 rows, rounded up. */
export const rowsCost = (rows: number): number => Math.ceil(rows / 100);

/** The budget an import's rows are charged to: the caller's when it was queued. */
export type Payer = Pick<Caller, 'budgetKey' | 'limit'>;

/**
 * Charges an import's rows once they are counted. The rows have been read by then, so a cost
 * that no longer fits takes what remains of the budget instead of being refused.
 */
export async function chargeRows(budgets: BudgetStore, payer: Payer, rows: number): Promise<Charge> {
  const charge = await budgets.charge(payer.budgetKey, rowsCost(rows), payer.limit);
  if (charge.allowed) return charge;
  return budgets.charge(payer.budgetKey, charge.remaining, payer.limit);
}
