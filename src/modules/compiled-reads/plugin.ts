import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import { PgDialect } from 'drizzle-orm/pg-core';
import {
  getVariableValues,
  GraphQLError,
  isNonNullType,
  type FormattedExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { collectFields } from 'graphql/execution/collectFields';
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import type { Database, RenderedStatement } from '../../db/client';
import { isDatabaseUnavailable } from '../../db/unavailable';
import { fragmentsOf } from '../../fragments';
import type { RegionDirectory } from '../regions/directory';
import { compileOperation, NotCompilable, type SqlSchema } from './compile';
import { DATA_MARKER } from './raw-data';

/** What the plugin reads from and leaves on each request's context. */
export interface CompiledReadsContext {
  regions: RegionDirectory;
  /**
   * Holds the response's `data` as JSON text when one statement answered it, for the HTTP layer
   * to send; a holder, because Apollo executes each operation on a shallow copy of the context.
   */
  compiledData: { text?: string };
}

export interface CompiledReadsOptions {
  sqlSchema: SqlSchema;
  database: Pick<Database, 'readText'>;
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  logger: Logger;
  /** bytes of rendered statements kept, keys included; the least recently used go first */
  cacheBytes: number;
  /** told of the plans' cache, to report its size (/metrics) */
  caches?: { watchCache: (name: string, cache: { size: number; calculatedSize: number }) => void };
}

/** A statement, or the knowledge that the operation is left to execution. */
type Rendered = RenderedStatement | 'execute';

/**
 * Answers a query whose every field SQL can answer (`sqlSchema`) with one statement that builds
 * the whole `data` as JSON, in place of executing resolvers; any other operation executes as
 * usual. It runs after the request is charged (`didResolveOperation`), so metering, headers and
 * `extensions` are the same either way. Statements are rendered once per document, operation and
 * variable values, and kept in a cache bounded by bytes.
 *
 * A statement that fails because the database cannot answer fails every root field, as execution
 * would; one that fails for any other reason is logged and the operation executes as usual, so a
 * failure the resolvers would confine to one field stays there.
 */
export function compiledReadsPlugin<C extends CompiledReadsContext>(
  options: CompiledReadsOptions,
): ApolloServerPlugin<C> {
  const { sqlSchema, database, formatError, logger } = options;
  const dialect = new PgDialect();
  const statements = new LRUCache<string, Rendered>({
    maxSize: options.cacheBytes,
    sizeCalculation: (rendered, key) =>
      2 * key.length + (rendered === 'execute' ? 16 : 2 * rendered.sql.length + JSON.stringify(rendered.params).length),
  });
  options.caches?.watchCache('compiled_statements', statements);

  return {
    async requestDidStart() {
      return {
        async responseForOperation({ request, queryHash, document, operation, schema, contextValue }) {
          // Apollo asks even when no operation has the request's operationName; execution then refuses it
          if (operation?.operation !== 'query') return null;
          // keyed by the declared variables as coerced: undeclared ones, however large or deep, play no part
          const variables = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
          if (variables.errors) return null;
          const coerced = variables.coerced;
          const key = `${queryHash}\n${operation.name?.value ?? ''}\n${JSON.stringify(coerced)}`;
          let statement = statements.get(key);
          if (statement === undefined) {
            statement = render();
            statements.set(key, statement);
          }
          if (statement === 'execute') return null;
          try {
            contextValue.compiledData.text = await database.readText(statement);
            return respond({ data: DATA_MARKER });
          } catch (error) {
            if (isDatabaseUnavailable(error)) return respond(unavailable(schema, operation, error));
            logger.warn({ err: error }, 'a compiled statement failed; the operation executes through resolvers');
            return null;
          }

          function render(): Rendered {
            try {
              return dialect.sqlToQuery(
                compileOperation(sqlSchema, schema, operation!, fragmentsOf(document), coerced, contextValue.regions),
              );
            } catch (error) {
              // fields only resolvers answer, or arguments execution will refuse with its own error
              if (error instanceof NotCompilable || error instanceof GraphQLError) return 'execute';
              throw error;
            }
          }

          /** What execution answers when every root field fails with `error`: one error each, null as their types allow. */
          function unavailable(
            schema: GraphQLSchema,
            operation: OperationDefinitionNode,
            error: unknown,
          ): FormattedExecutionResult {
            const queryType = schema.getQueryType()!;
            const fields = collectFields(schema, fragmentsOf(document), coerced, queryType, operation.selectionSet);
            const data: Record<string, unknown> | null = {};
            const errors: GraphQLFormattedError[] = [];
            let nullable = true;
            for (const [responseKey, nodes] of fields) {
              const name = nodes[0]!.name.value;
              if (name === '__typename') {
                data[responseKey] = queryType.name;
                continue;
              }
              data[responseKey] = null;
              nullable &&= !isNonNullType(queryType.getFields()[name]!.type);
              const failed = new GraphQLError('The statement failed', {
                nodes,
                path: [responseKey],
                originalError: error as Error,
              });
              errors.push(formatError(failed.toJSON(), failed));
            }
            return { data: nullable ? data : null, errors };
          }
        },
      };
    },
  };
}

function respond(singleResult: FormattedExecutionResult): GraphQLResponse {
  return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult } };
}
