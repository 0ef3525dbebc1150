import { TransactionRollbackError } from 'drizzle-orm';
import type { Db } from '../../db/client';

/** A transaction held open across a request's lifecycle; `finish` ends it and waits for the end. */
export interface OpenTransaction {
  tx: Db;
  /** commits (true) or rolls back (false); a failed commit rejects */
  finish: (commit: boolean) => Promise<void>;
}

/**
 * Begins a transaction that stays open until `finish` is called, for work spread over a
 * request's hooks (Drizzle's transactions are callback-scoped). Resolves once BEGIN has run.
 */
export function openTransaction(db: Db): Promise<OpenTransaction> {
  return new Promise((opened, failed) => {
    let end!: (commit: boolean) => void;
    const outcome = new Promise<boolean>((resolve) => (end = resolve));
    const done = db.transaction(async (tx) => {
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
    done.catch(failed);
  });
}
