import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import type { Context } from '../../context';
import type { Database } from '../../db/client';
import { isDatabaseUnavailable } from '../../db/unavailable';
import { createLoaders } from '../../loaders';
import {
  claimIdempotencyKey,
  isIdempotencyKey,
  releaseIdempotencyKey,
  requestHash,
  storeIdempotentResponse,
  type StoredResponse,
} from './idempotency';
import { openTransaction, type OpenTransaction } from './request-transaction';

/** Codes of a failure that was not the input's: the request's writes roll back and a retry may run them. */
const FAILURE_CODES = new Set(['INTERNAL_SERVER_ERROR', 'SERVICE_UNAVAILABLE']);

/**
 * Runs every mutation operation in one transaction, so a response is sent only for writes that
 * committed, and its reads (`donation { delivered }` after a disbursement) see them:
 * - each mutation field writes in a savepoint of it (write.ts), so a refused one writes nothing;
 * - with an `Idempotency-Key` header, the key is claimed first (committed on its own, so a
 *   concurrent retry sees it in use), and the response is stored in the same transaction as the
 *   writes; a retry of the same request gets the stored response, `Idempotent-Replayed: true`;
 * - a field that failed unexpectedly rolls everything back, releases the key, and the response
 *   says so with no data: nothing was written and a retry is safe.
 */
export function writesPlugin(database: Database, logger: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      let open: OpenTransaction | undefined;
      let claim: { apiKeyId: string; key: string; token: string } | undefined;
      const release = async () => {
        if (!claim) return;
        const { apiKeyId, key, token } = claim;
        await releaseIdempotencyKey(database.db, apiKeyId, key, token).catch((err: unknown) =>
          logger.error({ err }, 'an Idempotency-Key could not be released; it frees itself when stale'),
        );
      };
      return {
        async didResolveOperation({ request }) {
          const key = request.http?.headers.get('idempotency-key');
          if (key !== undefined && !isIdempotencyKey(key)) {
            throw new GraphQLError(`Idempotency-Key must be 1–255 characters, got ${key.length}`, {
              extensions: { code: 'BAD_USER_INPUT', argument: 'Idempotency-Key', http: { status: 400 } },
            });
          }
        },

        async responseForOperation({ operation, request, source, contextValue: ctx }) {
          if (operation?.operation !== 'mutation') return null;
          const key = request.http?.headers.get('idempotency-key');
          const apiKeyId = ctx.caller.key?.id;
          try {
            if (key !== undefined && apiKeyId !== undefined) {
              const hash = requestHash(source ?? '', request.operationName, request.variables);
              const claimed = await claimIdempotencyKey(database.db, apiKeyId, key, hash);
              if (claimed.kind === 'replay') return replay(claimed.response);
              if (claimed.kind === 'refused') ctx.writes.refusal = claimed.error;
              else claim = { apiKeyId, key, token: claimed.token };
            }
            open = await openTransaction(database.db);
          } catch (error) {
            await release();
            // thrown from here, Apollo would answer a lost database as an internal error (500)
            if (!isDatabaseUnavailable(error)) throw error;
            logger.warn({ err: error }, 'a mutation found the database unavailable; nothing was written');
            return unavailable();
          }
          ctx.db = open.tx;
          ctx.loaders = createLoaders(open.tx);
          return null;
        },

        async willSendResponse({ response }) {
          if (!open || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const failed = result.errors?.some((e) => FAILURE_CODES.has(String(e.extensions?.['code'])));
          try {
            if (!failed) {
              const stored: StoredResponse = {
                status: response.http.status ?? 200,
                body: { data: result.data, ...(result.errors ? { errors: result.errors } : {}) },
              };
              const kept =
                !claim || (await storeIdempotentResponse(open.tx, claim.apiKeyId, claim.key, claim.token, stored));
              await open.finish(kept);
              if (kept) return;
              // taken over as stale by a retry: that retry's writes stand, these must not
              result.data = null;
              result.errors = [inUse()];
              claim = undefined;
              return;
            }
            await open.finish(false);
          } catch (err) {
            logger.error({ err }, 'a mutation transaction failed to commit');
            result.errors = [...(result.errors ?? []), notCommitted()];
          }
          result.data = null;
          await release();
        },
      };
    },
  };
}

/** SERVICE_UNAVAILABLE before anything ran, with no data: nothing was written. */
function unavailable(): GraphQLResponse {
  return {
    http: { status: 503, headers: new HeaderMap([['retry-after', '1']]) },
    body: { kind: 'single', singleResult: { data: null, errors: [notStarted()] } },
  };
}

function replay(stored: StoredResponse): GraphQLResponse {
  return {
    http: {
      status: stored.status === 200 ? undefined : stored.status,
      headers: new HeaderMap([['idempotent-replayed', 'true']]),
    },
    body: { kind: 'single', singleResult: stored.body as never },
  };
}

const inUse = () => ({
  message:
    'A retry with this Idempotency-Key took over while this request ran; its response stands and this one wrote nothing.',
  extensions: { code: 'SERVICE_UNAVAILABLE' },
});

const notStarted = () => ({
  message:
    'The database is temporarily unavailable; nothing was written. Retry shortly, with the same Idempotency-Key if you sent one.',
  extensions: { code: 'SERVICE_UNAVAILABLE' },
});

const notCommitted = () => ({
  message:
    'The writes could not be committed; nothing was written. Retry shortly, with the same Idempotency-Key if you sent one.',
  extensions: { code: 'SERVICE_UNAVAILABLE' },
});
