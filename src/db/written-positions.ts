import type { Redis } from 'ioredis';
import type { Logger } from 'pino';

/** A place in the primary's write-ahead log: bytes from its start (`pg_lsn - '0/0'`). */
export type Lsn = bigint;

/**
 * Sets KEYS[1] to ARGV[1] unless it holds a later position, and (re)sets its expiry to ARGV[2] ms.
 * Positions are 16 hex digits, so comparing their text compares them: two instances noting one
 * caller's writes out of order never move it back.
 */
const NOTE = `
local current = redis.call('GET', KEYS[1])
if not current or current < ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
else
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 1
`;

type RedisWithNote = Redis & { notePosition(key: string, lsn: string, ttlMs: number): Promise<number> };

/** How long a Redis that failed is left alone: meanwhile every caller is taken to have written. */
const REDIS_REST_MS = 5_000;

/** The latest write of each caller, or that it cannot be known now. */
export type LastWrite = { lsn: Lsn } | 'none' | 'unknown';

/**
 * Where each caller's latest write ended in the write-ahead log, for reads to wait for (read your
 * writes). This instance remembers its own callers' writes in memory; with Redis every instance
 * also learns every other's. A position is kept `ttlMs`, longer than any replica in use can be
 * behind. While Redis does not answer, a caller's latest write is 'unknown' (reads go to the
 * primary) for REDIS_REST_MS, then Redis is asked again.
 */
export class WrittenPositions {
  private readonly memory = new Map<string, { lsn: Lsn; until: number }>();
  private readonly redis: RedisWithNote | undefined;
  private redisRestsUntil = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly logger: Logger,
    redisUrl?: string,
  ) {
    if (!redisUrl) return;
    // required here, not imported: a server without Redis never loads ioredis
    const { Redis: RedisClient } = require('ioredis') as typeof import('ioredis');
    this.redis = new RedisClient(redisUrl, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: 500,
      connectTimeout: 2_000,
      retryStrategy: (attempt) => Math.min(attempt * 200, 5_000),
    }) as RedisWithNote;
    this.redis.defineCommand('notePosition', { numberOfKeys: 1, lua: NOTE });
    this.redis.on('error', (err) => this.rest(err));
  }

  async connect(): Promise<void> {
    await this.redis?.connect().catch((err: unknown) => this.rest(err));
  }

  /** Remembers that `caller` wrote up to `lsn`. */
  async note(caller: string, lsn: Lsn): Promise<void> {
    const now = Date.now();
    const known = this.memory.get(caller);
    this.memory.set(caller, { lsn: known && known.lsn > lsn ? known.lsn : lsn, until: now + this.ttlMs });
    if (!this.redis || now < this.redisRestsUntil) return;
    await this.redis.notePosition(redisKey(caller), hex(lsn), this.ttlMs).catch((err: unknown) => this.rest(err));
  }

  /** The latest position `caller` wrote up to that any instance noted, 'none', or 'unknown' while Redis rests. */
  async lastWrite(caller: string): Promise<LastWrite> {
    const now = Date.now();
    const known = this.memory.get(caller);
    const local = known && known.until > now ? known.lsn : null;
    if (!this.redis) return local === null ? 'none' : { lsn: local };
    if (now < this.redisRestsUntil) return 'unknown';
    let shared: string | null;
    try {
      shared = await this.redis.get(redisKey(caller));
    } catch (err) {
      this.rest(err);
      return 'unknown';
    }
    const remote = shared === null ? null : BigInt(`0x${shared}`);
    const latest = local === null || (remote !== null && remote > local) ? remote : local;
    return latest === null ? 'none' : { lsn: latest };
  }

  /** Forgets positions past their time. */
  prune(): void {
    const now = Date.now();
    for (const [caller, { until }] of this.memory) if (until <= now) this.memory.delete(caller);
  }

  async close(): Promise<void> {
    this.redis?.disconnect();
  }

  private rest(err: unknown): void {
    const now = Date.now();
    if (now >= this.redisRestsUntil) {
      this.logger.warn({ err }, 'Redis does not answer: reads go to the primary until it does (read your writes)');
    }
    this.redisRestsUntil = now + REDIS_REST_MS;
  }
}

function redisKey(caller: string): string {
  return `gongyi:written-lsn:${caller}`;
}

/** A position as 16 hex digits, whose text orders as the positions do. */
function hex(lsn: Lsn): string {
  return lsn.toString(16).padStart(16, '0');
}
