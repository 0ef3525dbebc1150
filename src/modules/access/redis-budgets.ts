import { Redis } from 'ioredis';
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

/**
 * Budgets in Redis, shared by every instance. When Redis does not answer, charges go to this
 * instance's memory instead (each instance then grants its own budget), and the log says so
 * once per outage; nothing waits on a dead Redis for longer than `commandTimeoutMs`.
 */
export class RedisBudgetStore implements BudgetStore {
  private readonly redis: RedisWithCharge;
  private readonly fallback: MemoryBudgetStore;
  private degraded = false;

  constructor(
    url: string,
    private readonly windowMs: number,
    private readonly logger: Logger,
    commandTimeoutMs = 500,
  ) {
    this.fallback = new MemoryBudgetStore(windowMs);
    this.redis = new Redis(url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: commandTimeoutMs,
      connectTimeout: 2_000,
      retryStrategy: (attempt) => Math.min(attempt * 200, 5_000),
    }) as RedisWithCharge;
    this.redis.defineCommand('chargeBudget', { numberOfKeys: 1, lua: CHARGE });
    this.redis.on('error', (err) => this.degrade(err));
    this.redis.on('ready', () => {
      if (this.degraded) this.logger.info('rate-limit budgets are shared through Redis again');
      this.degraded = false;
    });
  }

  /** Connects; if Redis is down the server still starts, on per-instance budgets until it is back. */
  async connect(): Promise<void> {
    try {
      await this.redis.connect();
    } catch (err) {
      this.degrade(err);
    }
  }

  async charge(key: string, cost: number, limit: number): Promise<Charge> {
    try {
      const [used, ttl] = await this.redis.chargeBudget(`budget:${key}`, cost, limit, this.windowMs);
      const now = Date.now();
      return chargeWindow(used, now + (ttl < 0 ? this.windowMs : ttl), cost, limit);
    } catch (err) {
      this.degrade(err);
      return this.fallback.charge(key, cost, limit);
    }
  }

  async close(): Promise<void> {
    this.redis.disconnect();
    await this.fallback.close();
  }

  private degrade(err: unknown): void {
    if (this.degraded) return;
    this.degraded = true;
    this.logger.warn(
      { err },
      'Redis is unavailable: rate-limit budgets fall back to this instance’s memory until it answers again',
    );
  }
}
