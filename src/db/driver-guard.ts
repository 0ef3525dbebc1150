import type { Logger } from 'pino';

/**
 * postgres.js 3.4.9 (upstream #1208, #1154): when the server kills a connection inside `sql.begin`,
 * the driver later writes COMMIT/ROLLBACK to the closed socket from a setImmediate callback,
 * throwing a TypeError that no caller can catch. The transaction itself still rejects with
 * CONNECTION_CLOSED, so the only harm is the stray throw: recognise it and keep the process alive.
 */
export function isPostgresJsClosedSocketWrite(error: unknown): boolean {
  return (
    error instanceof TypeError &&
    /reading 'write'/.test(error.message) &&
    /[\\/]node_modules[\\/]postgres[\\/].*connection\.js/.test(error.stack ?? '')
  );
}

/** Survives the driver's stray throw; anything else uncaught is logged and ends the process. */
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
}
