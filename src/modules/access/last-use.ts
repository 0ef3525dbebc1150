import type { Logger } from 'pino';
import type { Db } from '../../db/client';
import { recordApiKeyUses } from './store';

/**
 * Remembers when each key was last used and writes all of them in one statement every
 * `intervalMs`, so a request costs no write; `lastUsedAt` may lag by up to the interval.
 */
export class LastUseRecorder {
  private pending = new Map<string, Date>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Db,
    private readonly logger: Logger,
    private readonly intervalMs: number,
  ) {}

  note(keyId: string, at: Date): void {
    this.pending.set(keyId, at);
    this.schedule();
  }

  /** Writes what is pending; a failed write is logged and its uses kept for the next flush. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const uses = this.pending;
    if (uses.size === 0) return;
    this.pending = new Map();
    try {
      await recordApiKeyUses(this.db, uses);
    } catch (err) {
      this.logger.warn({ err, keys: uses.size }, 'could not record API key use; will retry');
      for (const [id, at] of uses) if (!this.pending.has(id)) this.pending.set(id, at);
      this.schedule();
    }
  }

  private schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => void this.flush(), this.intervalMs);
    this.timer.unref();
  }
}
