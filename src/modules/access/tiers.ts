import type { ApiKeyRow } from './store';

/** Points per window for each kind of caller (API.md "Access"; configurable). */
export interface TierBudgets {
  ANONYMOUS: number;
  DEVELOPER: number;
  PARTNER: number;
  INTERNAL: number;
}

export const DEFAULT_TIER_BUDGETS: TierBudgets = {
  ANONYMOUS: 1_000,
  DEVELOPER: 5_000,
  PARTNER: 10_000,
  INTERNAL: 50_000,
};

/** Who is calling, as far as budgets care: a key's holder, or an anonymous client address. */
export interface Caller {
  key: ApiKeyRow | null;
  /** the budget this caller draws on: one per key, one per anonymous client address */
  budgetKey: string;
  limit: number;
}

export function callerOf(key: ApiKeyRow | null, clientAddress: string, budgets: TierBudgets): Caller {
  return key
    ? { key, budgetKey: `key:${key.id}`, limit: budgets[key.tier] }
    : { key: null, budgetKey: `ip:${clientAddress}`, limit: budgets.ANONYMOUS };
}
