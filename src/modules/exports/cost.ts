import type { BudgetStore, Charge } from '../access/budgets';
import type { Caller } from '../access/tiers';

/** Matching rows an export reads per point: reading is cheaper than the import's writing (100 a point). */
export const ROWS_PER_POINT = 1_000;

/** The points an export's rows add to the 10 of the mutation: one per 1,000 rows, rounded up. */
export const rowsCost = (rows: number): number => Math.ceil(rows / ROWS_PER_POINT);

/**
 * Charges an export's rows, counted when it starts. As for imports, a cost that no longer fits
 * takes what remains of the budget rather than refusing: the caller's next request waits for
 * the window to reset instead.
 */
export async function chargeRows(budgets: BudgetStore, caller: Caller, rows: number): Promise<Charge> {
  const charge = await budgets.charge(caller.budgetKey, rowsCost(rows), caller.limit);
  if (charge.allowed) return charge;
  return budgets.charge(caller.budgetKey, charge.remaining, caller.limit);
}
