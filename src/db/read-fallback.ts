import type postgres from 'postgres';
import { isConnectionFailure } from './unavailable';

/** Where a replica's reads go when its connection fails, and who is told. */
export interface ReadFallback {
  /** the primary's guarded client */
  client: postgres.Sql;
  /** told of each failure before the statement is sent to the primary (the replica is taken out) */
  onConnectionLost: (error: unknown) => void;
}

/**
 * A replica's client as Drizzle and `readText` use it: a statement whose connection fails
 * (refused, reset, closed, the server shutting down) is sent once more through `fallback.client`,
 * in the same mode (rows, values or raw). Only reads ever reach a replica, so sending one again
 * cannot write twice. A deadline is not sent again: the primary would be made to wait as long.
 * Transactions (`begin`) are not: their statements ran on the replica's connection.
 */
export function withReadFallback(client: postgres.Sql, fallback: ReadFallback): postgres.Sql {
  const unsafe = ((query: string, params?: never[], options?: postgres.UnsafeQueryOptions) => {
    const pending = client.unsafe(query, params, options);
    const then = pending.then.bind(pending);
    pending.then = ((onFulfilled, onRejected) =>
      then(undefined, (error: unknown) => {
        if (!isConnectionFailure(error)) throw error;
        fallback.onConnectionLost(error);
        const again = fallback.client.unsafe(query, params, options);
        const mode = (pending as unknown as { isRaw?: boolean | 'values' }).isRaw;
        return mode === 'values' ? again.values() : mode ? again.raw() : again;
      }).then(onFulfilled, onRejected)) as typeof pending.then;
    return pending;
  }) as postgres.Sql['unsafe'];
  return new Proxy(client, {
    get: (target, property, receiver) => (property === 'unsafe' ? unsafe : Reflect.get(target, property, receiver)),
  });
}
