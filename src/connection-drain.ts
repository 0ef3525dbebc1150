import { Server as NetServer, type Socket } from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, RawServerDefault } from 'fastify';
import type { Logger } from 'pino';

/** How long a connection must have been idle before closing it cannot cut off a request on its way. */
const QUIET_MS = 250;

/** How often the drain looks at the connections. */
const POLL_MS = 25;

/**
 * Closes a server's connections without resetting any: Node's http `close()` destroys every idle
 * keep-alive connection at once, including one whose client has just sent its next request,
 * which the client sees as ECONNRESET. Instead the listener stops accepting, every response
 * from then on says `Connection: close` (the caller's onSend hook) so busy connections end after
 * their next response, and only connections idle for QUIET_MS are left for `close()` to cut.
 */
export function connectionDrain(app: FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, Logger>): {
  drain: (maxMs: number) => Promise<void>;
} {
  /** each open connection, and when it last finished a response; undefined while one is in progress */
  const connections = new Map<Socket, number | undefined>();
  app.server.on('connection', (socket: Socket) => {
    connections.set(socket, Date.now());
    socket.once('close', () => connections.delete(socket));
  });
  app.addHook('onRequest', async (request) => {
    connections.set(request.raw.socket, undefined);
  });
  app.addHook('onResponse', async (request) => {
    if (connections.has(request.raw.socket)) connections.set(request.raw.socket, Date.now());
  });

  const busy = () => {
    const now = Date.now();
    for (const finishedAt of connections.values())
      if (finishedAt === undefined || now - finishedAt < QUIET_MS) return true;
    return false;
  };

  return {
    /** Closes the listener at once, synchronously; then waits for the connections to go quiet. */
    drain: async (maxMs) => {
      if (app.server.listening) NetServer.prototype.close.call(app.server);
      const until = Date.now() + maxMs;
      while (busy() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    },
  };
}
