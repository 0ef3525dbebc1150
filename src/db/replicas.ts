import type { Logger } from 'pino';
import { openDatabase, type Database, type DatabaseOptions } from './client';
import type { PoolUsage } from '../observability/metrics';
import { WrittenPositions, type Lsn } from './written-positions';

/** DATABASE_REPLICA_URLS and how replicas are watched. */
export interface ReplicaOptions {
  /** streaming replicas of the primary; none, and every read goes to the primary */
  urls: readonly string[];
  /** a replica further behind the primary than this is taken out until it catches up */
  maxLagMs: number;
  /** how often the primary's position and each replica's are read */
  checkIntervalMs: number;
  /** where callers' latest writes are shared by every instance; without it each instance knows its own */
  redisUrl?: string;
}

/** How one replica stands, as /readyz shows it. */
export interface ReplicaStatus {
  /** the replica's address, its password hidden */
  url: string;
  inUse: boolean;
  /** how far behind the primary it was at the last check, to within one check interval; null when unknown */
  lagMs: number | null;
  /** why it is not in use */
  reason?: string;
}

interface Replica {
  database: Database;
  url: string;
  inUse: boolean;
  /** the last position it was seen to have replayed */
  replayed: Lsn;
  lagMs: number | null;
  reason?: string;
}

/** The primary's position when it was read. */
interface Sample {
  at: number;
  lsn: Lsn;
}

/** A check that has not answered in this long counts as a failure. */
const CHECK_DEADLINE_MS = 2_000;

/** What the primary has written out, which a replica can have received. */
const CURRENT_POSITION = `select (pg_current_wal_lsn() - '0/0')::text as "lsn"`;
/** What the primary has logged, written out or not: past any commit that has returned, asynchronous ones too. */
const LOGGED_POSITION = `select (pg_current_wal_insert_lsn() - '0/0')::text as "lsn"`;
const REPLAYED_POSITION = `select pg_is_in_recovery() as "standby", (pg_last_wal_replay_lsn() - '0/0')::text as "lsn"`;

/**
 * Where each request reads: a replica that is healthy, close enough to the primary, and has
 * replayed the caller's own latest write, else the primary. Writes never come here.
 *
 * Read your writes is by position in the write-ahead log: after a request that may have written,
 * `noteWrite` reads the primary's `pg_current_wal_insert_lsn()` (which is past the request's commit) and
 * remembers it for the caller (WrittenPositions); a replica serves that caller again once a check
 * has seen its `pg_last_wal_replay_lsn()` reach it.
 *
 * Lag is measured by position too, not by `now() - pg_last_xact_replay_timestamp()` (which grows
 * without bound while the primary is idle): each check samples the primary's position, and a
 * replica's lag is how long ago the primary first passed the position the replica has replayed;
 * zero when it has replayed everything the primary had written at the latest sample.
 *
 * A replica whose check fails, or whose connection fails under a request (the read is then sent
 * to the primary, read-fallback.ts), is out until a check finds it healthy and close again.
 */
export class ReadRouting {
  private readonly samples: Sample[] = [];
  private turn = 0;
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<void> = Promise.resolve();

  private constructor(
    private readonly primary: Database,
    private readonly replicas: Replica[],
    private readonly written: WrittenPositions,
    private readonly options: ReplicaOptions,
    private readonly logger: Logger,
  ) {}

  /**
   * Opens each replica through the same guarded client as the primary (one pool per URL), checks
   * them once, and goes on checking every `checkIntervalMs`. With no URLs, every read goes to the
   * primary and nothing is checked.
   */
  static async open(
    primary: Database,
    options: ReplicaOptions,
    connection: Pick<DatabaseOptions, 'poolMax' | 'queryTimeoutMs' | 'preparedStatements'>,
    logger: Logger,
  ): Promise<ReadRouting> {
    // a position is kept while a replica in use can still be short of it: the greatest lag allowed, and the checks that measure it late
    const written = new WrittenPositions(
      Math.max(60_000, 2 * options.maxLagMs + 10 * options.checkIntervalMs),
      logger,
      options.urls.length > 0 ? options.redisUrl : undefined,
    );
    const replicas: Replica[] = [];
    const routing = new ReadRouting(primary, replicas, written, options, logger);
    try {
      for (const url of options.urls) {
        const shown = hidePassword(url);
        const database = await openDatabase({
          ...connection,
          url,
          dataDir: '', // unused with a URL
          fallback: { primary, onConnectionLost: (error) => routing.takeOut(replica, 'connection failed', error) },
        });
        const replica: Replica = {
          database,
          url: shown,
          inUse: false,
          replayed: 0n,
          lagMs: null,
          reason: 'not checked yet',
        };
        replicas.push(replica);
      }
      await written.connect();
      if (replicas.length > 0) {
        await routing.check();
        routing.timer = setInterval(() => void routing.checkAgain(), options.checkIntervalMs).unref();
      }
    } catch (error) {
      await routing.close();
      throw error;
    }
    return routing;
  }

  /** The database `caller`'s reads go to now. */
  async readerFor(caller: string): Promise<Database> {
    const inUse = this.replicas.filter((r) => r.inUse);
    if (inUse.length === 0) return this.primary;
    const last = await this.written.lastWrite(caller);
    if (last === 'unknown') return this.primary;
    const caughtUp = last === 'none' ? inUse : inUse.filter((r) => r.replayed >= last.lsn);
    if (caughtUp.length === 0) return this.primary;
    this.turn = (this.turn + 1) % caughtUp.length;
    return caughtUp[this.turn]!.database;
  }

  /**
   * Remembers that `caller` may just have written, before its response is sent, so its next
   * reads see the write. A primary that cannot say its position is logged: the write failed or
   * the primary is down, and reads then find no replica fresher than before.
   */
  async noteWrite(caller: string): Promise<void> {
    if (this.replicas.length === 0) return;
    try {
      await this.written.note(caller, await this.primaryPosition(LOGGED_POSITION));
    } catch (err) {
      this.logger.warn({ err }, "the primary's position after a write could not be read");
    }
  }

  hasReplicas(): boolean {
    return this.replicas.length > 0;
  }

  /** Each replica, whether it is in use and why not. */
  status(): ReplicaStatus[] {
    return this.replicas.map(({ url, inUse, lagMs, reason }) => ({
      url,
      inUse,
      lagMs,
      ...(inUse ? {} : { reason }),
    }));
  }

  /** Each replica's pool, for /metrics. */
  pools(): PoolUsage[] {
    return this.replicas.flatMap(({ url, database }) => {
      const usage = database.usage();
      return usage ? [{ database: url, usage }] : [];
    });
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.checking;
    await Promise.all(this.replicas.map((r) => r.database.close()));
    await this.written.close();
  }

  private checkAgain(): void {
    // a check still running (a frozen server, up to its deadline) is not joined by another
    this.checking = this.checking.then(() => this.check());
  }

  /** Reads the primary's position, then every replica's, and takes each in or out. */
  private async check(): Promise<void> {
    this.written.prune();
    try {
      this.sample(await withDeadline(this.primaryPosition(CURRENT_POSITION)));
    } catch (err) {
      // without the primary's position no lag can be measured: replicas keep their standing
      this.logger.warn({ err }, "the primary's position could not be read; replicas keep their standing");
      return;
    }
    await Promise.all(this.replicas.map((replica) => this.checkReplica(replica)));
  }

  private async checkReplica(replica: Replica): Promise<void> {
    let standby: boolean;
    let replayed: Lsn | null;
    try {
      const { rows } = await withDeadline(replica.database.executeSql(REPLAYED_POSITION));
      const row = rows[0] as { standby: boolean; lsn: string | null };
      standby = row.standby;
      replayed = row.lsn === null ? null : BigInt(row.lsn);
    } catch (error) {
      this.takeOut(replica, 'check failed', error);
      return;
    }
    if (!standby || replayed === null) {
      this.takeOut(replica, 'not a standby (promoted, or not a replica)');
      return;
    }
    replica.replayed = replayed;
    replica.lagMs = this.lagOf(replayed);
    if (replica.lagMs > this.options.maxLagMs) {
      this.takeOut(replica, `lags ${replica.lagMs} ms, over REPLICA_MAX_LAG_MS (${this.options.maxLagMs})`);
      return;
    }
    if (!replica.inUse) this.logger.info({ replica: replica.url, lagMs: replica.lagMs }, 'replica in use');
    replica.inUse = true;
    delete replica.reason;
  }

  private takeOut(replica: Replica, reason: string, err?: unknown): void {
    if (replica.inUse || replica.reason !== reason) {
      this.logger.warn({ replica: replica.url, reason, err }, 'replica taken out; the primary serves its reads');
    }
    replica.inUse = false;
    replica.reason = reason;
  }

  private async primaryPosition(statement: string): Promise<Lsn> {
    const { rows } = await this.primary.executeSql(statement);
    return BigInt((rows[0] as { lsn: string }).lsn);
  }

  /** Keeps the primary's positions long enough to measure any lag up to the limit and a little past it. */
  private sample(lsn: Lsn): void {
    const now = Date.now();
    const latest = this.samples.at(-1);
    // an idle primary: the position has not moved, and its first sample says since when
    if (!latest || latest.lsn !== lsn) this.samples.push({ at: now, lsn });
    const horizon = now - 2 * this.options.maxLagMs - 2 * this.options.checkIntervalMs;
    while (this.samples.length > 1 && this.samples[1]!.at < horizon) this.samples.shift();
  }

  /**
   * How long ago the primary first passed `replayed`: 0 when the replica has replayed every
   * position sampled; at least the age of the oldest sample kept when it is behind them all.
   */
  private lagOf(replayed: Lsn): number {
    const ahead = this.samples.find((s) => s.lsn > replayed);
    return ahead ? Date.now() - ahead.at : 0;
  }
}

/** `pending`, or a failure once CHECK_DEADLINE_MS have passed. */
function withDeadline<T>(pending: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_DEADLINE_MS} ms`)), CHECK_DEADLINE_MS);
  });
  return Promise.race([pending, late]).finally(() => clearTimeout(timer));
}

/** A URL as logs and /readyz may show it. */
function hidePassword(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
