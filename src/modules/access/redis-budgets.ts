import type { Redis } from 'ioredis';
import CircuitBreaker from 'opossum';
import type { Logger } from 'pino';
import { chargeWindow, MemoryBudgetStore, type BudgetStore, type Charge } from './budgets';

/**
 * Charges atomically: the window's points and remaining milliseconds are read and, if the cost
 * fits, incremented in one step, so instances sharing the key never overspend it together.
 * KEYS[1] the budget; ARGV cost, limit, window ms. Returns {used before, ms left or -1 if none}.
 */
const CHARGE = `
local used = tonumber(redis.call('GET', KEYS[1]) or '0')
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then used = 0 end
local cost = tonumber(ARGV[1])
if cost > 0 and used + cost <= tonumber(ARGV[2]) then
  if ttl < 0 then
    redis.call('SET', KEYS[1], cost, 'PX', ARGV[3])
    ttl = tonumber(ARGV[3])
  else
    redis.call('INCRBY', KEYS[1], cost)
  end
end
return {used, ttl}
`;

type RedisWithCharge = Redis & {
  chargeBudget(key: string, cost: number, limit: number, windowMs: number): Promise<[number, number]>;
};

/** Timings of the store; the defaults suit production, tests shorten them. */
export interface RedisBudgetTimings {
  /** a command still unanswered after this fails, and opens the breaker */
  commandTimeoutMs?: number;
  /** how long an open breaker sends every charge to memory before one charge probes Redis again */
  breakerIntervalMs?: number;
}

/**
 * Budgets in Redis, shared by every instance. When Redis does not answer, charges go to this
 * instance's memory instead (each instance then grants its own budget), and the log says so
 * once per outage. A circuit breaker (opossum) keeps a frozen Redis from costing every request
 * a timeout: one failure or timeout opens it, and while it is open every charge goes straight to
 * memory; after `breakerIntervalMs` one charge probes Redis (half-open) and success closes it.
 * So a frozen Redis costs one timeout per interval, paid by the probing request, plus one for
 * each charge already waiting on Redis when it froze.
 */
export class RedisBudgetStore implements BudgetStore {
  private readonly redis: RedisWithCharge;
  private readonly breaker: CircuitBreaker<[string, number, number, number], [number, number]>;
  private readonly fallback: MemoryBudgetStore;
  private degraded = false;

  constructor(
    url: string,
    private readonly windowMs: number,
    private readonly logger: Logger,
    { commandTimeoutMs = 500, breakerIntervalMs = 5_000 }: RedisBudgetTimings = {},
  ) {
    this.fallback = new MemoryBudgetStore(windowMs);
    // required here, not imported: a server without Redis never loads ioredis
    const { Redis: RedisClient } = require('ioredis') as typeof import('ioredis');
    this.redis = new RedisClient(url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: commandTimeoutMs,
      connectTimeout: 2_000,
      retryStrategy: (attempt) => Math.min(attempt * 200, 5_000),
    }) as RedisWithCharge;
    this.redis.defineCommand('chargeBudget', { numberOfKeys: 1, lua: CHARGE });
    this.breaker = new CircuitBreaker((key, cost, limit, window) => this.redis.chargeBudget(key, cost, limit, window), {
      timeout: commandTimeoutMs,
      errorThresholdPercentage: 0, // any failure opens it
      resetTimeout: breakerIntervalMs,
    });
    this.breaker.on('failure', (err: unknown) => this.degrade(err));
    this.breaker.on('close', () => {
      if (this.degraded) this.logger.info('rate-limit budgets are shared through Redis again');
      this.degraded = false;
    });
    this.redis.on('error', (err) => this.degrade(err));
    // a new connection answered: no need to wait out the interval
    this.redis.on('ready', () => this.breaker.close());
  }

  /** Connects; if Redis is down the server still starts, on per-instance budgets until it is back. */
  async connect(): Promise<void> {
    try {
      await this.redis.connect();
    } catch (err) {
      this.degrade(err);
    }
  }

  async charge(key: string, cost: number, limit: number, windowMs = this.windowMs): Promise<Charge> {
    try {
      const [used, ttl] = await this.breaker.fire(`budget:${key}`, cost, limit, windowMs);
      return chargeWindow(used, Date.now() + (ttl < 0 ? windowMs : ttl), cost, limit);
    } catch {
      return this.fallback.charge(key, cost, limit, windowMs);
    }
  }

  async close(): Promise<void> {
    this.breaker.shutdown();
    this.redis.disconnect();
    await this.fallback.close();
  }

  /** Opens the breaker, and logs the first failure of an outage. */
  private degrade(err: unknown): void {
    this.breaker.open();
    if (this.degraded) return;
    this.degraded = true;
    this.logger.warn(
      { err },
      'Redis is unavailable: rate-limit budgets fall back to this instance’s memory until it answers again',
    );
  }
}
