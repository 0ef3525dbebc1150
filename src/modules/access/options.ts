import type { TierBudgets } from './tiers';

/** How the API meters and identifies its callers. */
export interface AccessOptions {
  tierBudgets: TierBudgets;
  /** length of a budget window; an hour unless configured */
  windowMs: number;
  /** Redis holding budgets shared by every instance; none keeps them in this process */
  redisUrl?: string;
  /** addresses and CIDR ranges whose X-Forwarded-For names the client; empty believes none */
  trustedProxies: string[];
  /** refused keys a client address may send per window before its requests with a key get 429 */
  authFailureLimit: number;
  /** the window of failed authentications, opened by an address's first failure */
  authFailureWindowMs: number;
  /** how often keys' last use is written */
  lastUseFlushMs: number;
}
