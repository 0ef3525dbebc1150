import type { BudgetStore, Charge } from '../access/budgets';
import { MUTATION_COST } from '../access/cost';
import type { Caller } from '../access/tiers';

/** What an import costs before its rows are counted, as any mutation: 10 points. */
export const IMPORT_BASE_COST = MUTATION_COST;

/** The points an import's rows add: one per 100 rows, rounded up. */
export const rowsCost = (rows: number): number => Math.ceil(rows / 100);

/**
 * Charges an import's rows once they are counted. The rows have been imported by then, so a cost
 * that no longer fits takes what remains of the budget instead of being refused.
 */
export async function chargeRows(budgets: BudgetStore, caller: Caller, rows: number): Promise<Charge> {
  const charge = await budgets.charge(caller.budgetKey, rowsCost(rows), caller.limit);
  if (charge.allowed) return charge;
  return budgets.charge(caller.budgetKey, charge.remaining, caller.limit);
}
