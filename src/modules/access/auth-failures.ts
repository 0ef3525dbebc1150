import { GraphQLError } from 'graphql';
import type { BudgetStore, Charge } from './budgets';

/** How many failed authentications a client address may have per window. */
export interface AuthFailureOptions {
  limit: number;
  windowMs: number;
}

/**
 * Failed authentication per client address, GitHub's way: once an address has sent `limit` keys
 * that were refused within a window, every request from it that carries a key is refused with
 * 429 until the window ends, before the key is looked up; anonymous requests are still served.
 * Failures are counted in the budget store (memory or Redis) under a key of their own.
 */
export class AuthFailureLimit {
  constructor(
    private readonly store: BudgetStore,
    private readonly options: AuthFailureOptions,
  ) {}

  /** RATE_LIMITED if `address` has used up its failures this window; reads the store only. */
  async check(address: string): Promise<TooManyAuthFailuresError | null> {
    const failures = await this.store.charge(failuresKey(address), 0, this.options.limit, this.options.windowMs);
    return failures.remaining > 0 ? null : new TooManyAuthFailuresError(failures);
  }

  async noteFailure(address: string): Promise<void> {
    await this.store.charge(failuresKey(address), 1, this.options.limit, this.options.windowMs);
  }
}

const failuresKey = (address: string) => `auth-failures:ip:${address}`;

/** RATE_LIMITED with Retry-After: the address's failures are used up until its window ends. */
export class TooManyAuthFailuresError extends GraphQLError {
  /** the response's headers; the server adds the client address's rate-limit headers */
  readonly headers: Map<string, string>;

  constructor(failures: Charge) {
    const retryAfter = Math.max(1, Math.ceil((failures.resetAt.getTime() - Date.now()) / 1000));
    const headers = new Map([['retry-after', String(retryAfter)]]);
    super(
      `This address sent ${failures.used} API keys that were refused; requests with a key from it are refused until ${failures.resetAt.toISOString()}. Check the key and try again then, or send none to be anonymous.`,
      { extensions: { code: 'RATE_LIMITED', http: { status: 429, headers } } },
    );
    this.headers = headers;
  }
}
