import { TransactionRollbackError } from 'drizzle-orm';
import type { Db } from '../../db/client';

/** A transaction held open across a request's lifecycle; `finish` ends it and waits for the end. */
export interface OpenTransaction {
  tx: Db;
  /** commits (true) or rolls back (false); a failed commit rejects */
  finish: (commit: boolean) => Promise<void>;
  /**
   * Rejects if the transaction ends before `finish`, its connection lost, say; never resolves.
   * A query sent on a lost connection may never settle (postgres.js 3.4.9 writes it to a closed
   * socket), so work in the transaction races this.
   */
  aborted: Promise<never>;
}

/**
 * Begins a transaction that stays open until `finish` is called, for work spread over a
 * request's hooks (Drizzle's transactions are callback-scoped). Resolves once BEGIN has run.
 */
export function openTransaction(db: Db): Promise<OpenTransaction> {
  return new Promise((opened, failed) => {
    let end!: (commit: boolean) => void;
    let abort!: (error: unknown) => void;
    const outcome = new Promise<boolean>((resolve) => (end = resolve));
    const aborted = new Promise<never>((_, reject) => (abort = reject));
    aborted.catch(() => {});
    const done = db.transaction(async (tx) => {
      opened({
        aborted,
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
      abort(error);
      failed(error);
    });
  });
}
