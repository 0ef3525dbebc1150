import { TransactionRollbackError } from 'drizzle-orm';
import { QueryDeadlineError, type Db } from '../../db/client';

/** A transaction held open across a request's lifecycle; `finish` ends it and waits for the end. */
export interface OpenTransaction {
  tx: Db;
  /** commits (true) or rolls back (false); a failed commit rejects */
  finish: (commit: boolean) => Promise<void>;
}

/**
 * How long BEGIN may take: postgres.js 3.4.9 may never settle a BEGIN sent on a connection the
 * server killed (upstream #1208), and a request must not wait for it forever.
 */
const BEGIN_DEADLINE_MS = 5_000;

/**
 * Begins a transaction that stays open until `finish` is called, for work spread over a
 * request's hooks (Drizzle's transactions are callback-scoped). Resolves once BEGIN has run;
 * rejects with QUERY_DEADLINE if it has not within BEGIN_DEADLINE_MS, and a transaction that
 * begins after that rolls back at once.
 */
export function openTransaction(db: Db): Promise<OpenTransaction> {
  return new Promise((opened, failed) => {
    let end!: (commit: boolean) => void;
    const outcome = new Promise<boolean>((resolve) => (end = resolve));
    let late = false;
    const timer = setTimeout(() => {
      late = true;
      end(false);
      failed(new QueryDeadlineError(BEGIN_DEADLINE_MS));
    }, BEGIN_DEADLINE_MS);
    const done = db.transaction(async (tx) => {
      clearTimeout(timer);
      if (late) tx.rollback();
      opened({
        tx: tx as unknown as Db,
        finish: async (commit) => {
          end(commit);
          try {
            await done;
          } catch (error) {
            if (!(error instanceof TransactionRollbackError)) throw error;
          }
        },
      });
      if (!(await outcome)) tx.rollback();
    });
    // before `opened`, a failure is BEGIN's; after, `finish` reports it
    done.catch((error: unknown) => {
      clearTimeout(timer);
      failed(error);
    });
  });
}
