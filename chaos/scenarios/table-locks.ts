/** A side connection that keeps taking ACCESS EXCLUSIVE locks on the big tables, until told to stop. */
import type postgres from 'postgres';
import { between, sleep } from '../load';

const BIG_TABLES = ['donations', 'projects', 'organizations', 'training_sessions', 'governance_metrics'];

export interface LockLoop {
  /** resolves once the last lock is released */
  stop: () => Promise<void>;
  taken: () => { locks: number; lockedMs: number };
}

/** Locks one or two big tables for `holdMs` (a range), then pauses `pauseMs`, over and over. */
export function lockTablesRepeatedly(
  sql: postgres.Sql,
  holdMs: [number, number],
  pauseMs: [number, number],
  tables: readonly string[] = BIG_TABLES,
): LockLoop {
  let stopping = false;
  let locks = 0;
  let lockedMs = 0;
  const loop = (async () => {
    while (!stopping) {
      const chosen = [...tables].sort(() => Math.random() - 0.5).slice(0, Math.random() < 0.3 ? 2 : 1);
      const hold = between(...holdMs);
      await sql.begin(async (tx) => {
        await tx.unsafe(`lock table ${chosen.join(', ')} in access exclusive mode`);
        const since = Date.now();
        locks += 1;
        while (!stopping && Date.now() - since < hold) await sleep(Math.min(100, hold));
        lockedMs += Date.now() - since;
      });
      if (!stopping) await sleep(between(...pauseMs));
    }
  })();
  return {
    stop: async () => {
      stopping = true;
      await loop;
    },
    taken: () => ({ locks, lockedMs }),
  };
}

/** Holds ACCESS EXCLUSIVE locks on `tables` for `ms`, then releases them. */
export async function holdLocks(sql: postgres.Sql, tables: readonly string[], ms: number): Promise<void> {
  await sql.begin(async (tx) => {
    await tx.unsafe(`lock table ${tables.join(', ')} in access exclusive mode`);
    await sleep(ms);
  });
}

export { BIG_TABLES };
