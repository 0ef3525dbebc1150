import type { Context } from '../../context';
import type { Db } from '../../db/client';
import { refusedData } from '../../db/refused-data';
import { invalid, isUserError, type UserErrorShape } from './user-error';
import { writerOf, type Writer } from './writer';

/** What the writes plugin leaves for a request's mutation fields. */
export interface Writes {
  /** the answer of every mutation field of this request: its Idempotency-Key is in use or reused */
  refusal?: UserErrorShape;
}

/** Thrown inside a savepoint to roll it back with a UserError as the field's result. */
class Refused extends Error {
  constructor(readonly userError: UserErrorShape) {
    super(userError.message);
  }
}

/**
 * Runs one mutation field's writes in a savepoint of the request's transaction, for a caller
 * allowed to write (FORBIDDEN otherwise). A UserError result rolls the savepoint back; so does a
 * constraint the database enforces, returned as the UserError `constraints` names for it (or one
 * naming no field), never as an internal error.
 */
export async function write<T extends object>(
  ctx: Context,
  constraints: Readonly<Record<string, UserErrorShape>>,
  writes: (tx: Db, writer: Writer) => Promise<T | UserErrorShape>,
): Promise<T | UserErrorShape> {
  const writer = writerOf(ctx.caller);
  if (ctx.writes.refusal) return ctx.writes.refusal;
  try {
    return await ctx.db.transaction(async (tx) => {
      const result = await writes(tx as unknown as Db, writer);
      if (isUserError(result)) throw new Refused(result);
      return result;
    });
  } catch (error) {
    if (error instanceof Refused) return error.userError;
    const refused = refusedData(error);
    if (refused) {
      return constraints[refused.constraint ?? ''] ?? invalid(null, `the database refused the input (${refused.code})`);
    }
    throw error;
  }
}
