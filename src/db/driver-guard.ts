import type { Logger } from 'pino';
import { isDatabaseUnavailable } from './unavailable';

/** Whether the error was raised inside postgres.js itself. */
function fromPostgresJs(error: unknown): boolean {
  return error instanceof Error && /[\\/]node_modules[\\/]postgres[\\/]/.test(error.stack ?? '');
}

/**
 * postgres.js 3.4.9 (upstream #1208, #1154): when the server kills a connection inside `sql.begin`,
 * the driver later writes COMMIT/ROLLBACK to the closed socket from a setImmediate callback,
 * throwing a TypeError that no caller can catch. The transaction itself still rejects with
 * CONNECTION_CLOSED, so the only harm is the stray throw.
 */
export function isPostgresJsClosedSocketWrite(error: unknown): boolean {
  return (
    error instanceof TypeError &&
    /reading 'write'/.test(error.message) &&
    /[\\/]node_modules[\\/]postgres[\\/].*connection\.js/.test(error.stack ?? '')
  );
}

/**
 * postgres.js 3.4.9 (upstream #1192): every new connection first fetches the array types with a
 * query no caller awaits; a connection killed then (57P01 from pg_terminate_backend, a failover)
 * rejects it unhandled. The queries waiting on that connection are rejected as usual.
 */
export function isPostgresJsLostConnection(reason: unknown): boolean {
  return fromPostgresJs(reason) && isDatabaseUnavailable(reason);
}

/**
 * Survives the driver's stray throws and rejections; anything else uncaught or unhandled is logged
 * and ends the process, as Node would.
 */
export function guardPostgresJs(logger: Logger): void {
  process.on('uncaughtException', (error) => {
    if (isPostgresJsClosedSocketWrite(error)) {
      logger.warn(
        { err: error },
        'postgres.js wrote to a connection the server had closed; the transaction was rolled back',
      );
      return;
    }
    logger.fatal({ err: error }, 'uncaught exception');
    process.exit(1);
  });
  process.on('unhandledRejection', (reason) => {
    if (isPostgresJsLostConnection(reason)) {
      logger.warn({ err: reason }, 'postgres.js lost a connection while fetching its types; it will reconnect');
      return;
    }
    logger.fatal({ err: reason }, 'unhandled rejection');
    process.exit(1);
  });
}
