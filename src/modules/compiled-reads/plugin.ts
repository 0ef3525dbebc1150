import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import { PgDialect } from 'drizzle-orm/pg-core';
import {
  execute,
  GraphQLError,
  type DocumentNode,
  type ExecutionResult,
  type FormattedExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import type { Database, Line, RenderedStatement } from '../../db/client';
import { isDatabaseUnavailable } from '../../db/unavailable';
import { fragmentsOf } from '../../fragments';
import { coercedVariables } from '../../request-variables';
import type { RegionDirectory } from '../regions/directory';
import { compileOperation, type CompiledOperation, type SqlSchema } from './compile';
import { continueHandoffs, operationOf } from './handoff';
import { DATA_MARKER } from './raw-data';

/** What the plugin reads from and leaves on each request's context. */
export interface CompiledReadsContext {
  regions: RegionDirectory;
  /**
   * Holds the response's `data` as JSON text when one statement answered it, for the HTTP layer
   * to send; a holder, because Apollo executes each operation on a shallow copy of the context.
   */
  compiledData: { text?: Line };
  /** the database this request reads: a replica that has the caller's writes, or the primary */
  reading: { database: Pick<Database, 'readText'> };
}

export interface CompiledReadsOptions {
  sqlSchema: SqlSchema;
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  logger: Logger;
  /** bytes of rendered statements kept, keys included; the least recently used go first */
  cacheBytes: number;
  /** told of the plans' cache, to report its size (/metrics) */
  caches?: { watchCache: (name: string, cache: { size: number; calculatedSize: number }) => void };
}

/** How an operation is answered: its statement and what execution answers beside it, or execution alone. */
type Plan = 'execute' | { statement: RenderedStatement; compiled: CompiledOperation; rest: DocumentNode | null };

/**
 * Answers a query's root fields that SQL can answer with one statement that builds their JSON,
 * and executes only the others, concurrently; inside a compiled field, a field only resolvers
 * answer executes from the row the statement returned (handoff.ts). The answers are merged as
 * execution would have given them: fields in the operation's order, errors with their paths, and
 * a failed non-null field's null bubbling up to the nearest nullable place. An operation of
 * compiled fields alone sends the statement's text as is. It runs after the request is charged
 * (`didResolveOperation`), so metering, headers and `extensions` are the same either way. Plans
 * are made once per document, operation and variable values, and kept in a cache bounded by bytes.
 *
 * A statement that fails because the database cannot answer fails every compiled root field, as
 * execution would; one that fails for any other reason is logged and the operation executes as
 * usual, so a failure the resolvers would confine to one field stays there.
 */
export function compiledReadsPlugin<C extends CompiledReadsContext>(
  options: CompiledReadsOptions,
): ApolloServerPlugin<C> {
  const { sqlSchema, formatError, logger } = options;
  const dialect = new PgDialect();
  const plans = new LRUCache<string, Plan>({
    maxSize: options.cacheBytes,
    sizeCalculation: (plan, key) =>
      2 * key.length +
      (plan === 'execute'
        ? 16
        : 2 * plan.statement.sql.length +
          JSON.stringify(plan.statement.params).length +
          256 * plan.compiled.roots.length),
  });
  options.caches?.watchCache('compiled_statements', plans);
  /** A GraphQL error as Apollo formats an execution's: INTERNAL_SERVER_ERROR unless it has a code, then `formatError`. */
  const format = (error: GraphQLError): GraphQLFormattedError =>
    formatError(
      {
        ...error.toJSON(),
        extensions: { ...error.extensions, code: error.extensions['code'] ?? 'INTERNAL_SERVER_ERROR' },
      },
      error,
    );

  return {
    async requestDidStart() {
      return {
        async responseForOperation({ request, queryHash, document, operation, schema, contextValue }) {
          // Apollo asks even when no operation has the request's operationName; execution then refuses it
          if (operation?.operation !== 'query') return null;
          // keyed by the declared variables as coerced: undeclared ones, however large or deep, play no part
          const variables = coercedVariables(schema, operation, request);
          if (variables.errors) return null;
          const coerced = variables.coerced;
          const key = `${queryHash}\n${operation.name?.value ?? ''}\n${JSON.stringify(coerced)}`;
          let plan = plans.get(key);
          if (plan === undefined) {
            plan = makePlan(schema, document, operation, coerced, contextValue.regions);
            plans.set(key, plan);
          }
          if (plan === 'execute') return null;
          const { statement, compiled, rest } = plan;
          if (!rest && compiled.handoffs.length === 0) {
            try {
              contextValue.compiledData.text = await contextValue.reading.database.readText(statement);
              return respond({ data: DATA_MARKER });
            } catch (error) {
              if (isDatabaseUnavailable(error)) return respond(unavailable(compiled, error));
              logger.warn({ err: error }, 'a compiled statement failed; the operation executes through resolvers');
              return null;
            }
          }
          // the fields left to execution run while the statement does
          const executed = rest
            ? Promise.resolve(execute({ schema, document: rest, contextValue, variableValues: request.variables }))
            : null;
          let data: Record<string, unknown>;
          try {
            const text = await contextValue.reading.database.readText(statement);
            data = JSON.parse(text.toString()) as Record<string, unknown>;
          } catch (error) {
            if (isDatabaseUnavailable(error))
              return respond(merge(compiled, unavailable(compiled, error), await executed));
            await executed?.catch(() => {});
            logger.warn({ err: error }, 'a compiled statement failed; the operation executes through resolvers');
            return null;
          }
          const handed = await continueHandoffs(compiled.handoffs, data, {
            schema,
            operation,
            fragments: Object.values(fragmentsOf(document)),
            contextValue,
            variableValues: request.variables,
          });
          const fromSql = { data: handed.nulled ? null : data, errors: handed.errors.map(format) };
          return respond(merge(compiled, fromSql, await executed));
        },
      };
    },
  };

  function makePlan(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    variables: Record<string, unknown>,
    regions: RegionDirectory,
  ): Plan {
    const fragments = fragmentsOf(document);
    const compiled = compileOperation(sqlSchema, schema, operation, fragments, variables, regions);
    if (!compiled.statement) return 'execute';
    const executed = compiled.roots.filter((r) => !r.compiled);
    return {
      statement: dialect.sqlToQuery(compiled.statement),
      compiled,
      rest:
        executed.length > 0
          ? operationOf(
              operation,
              executed.flatMap((r) => r.nodes),
              Object.values(fragments),
            )
          : null,
    };
  }

  /**
   * The response execution would give from the compiled fields' values and errors (`fromSql`) and
   * the executed ones': fields in the operation's order, `data` null when either is. Errors come
   * as they would arrive: execution's own (mostly refused arguments, found before any statement
   * answers) in its order, then those of the compiled fields, which wait for the statement.
   */
  function merge(
    compiled: CompiledOperation,
    fromSql: { data: Record<string, unknown> | null; errors: readonly GraphQLFormattedError[] },
    executed: ExecutionResult | null,
  ): FormattedExecutionResult {
    const data: Record<string, unknown> = {};
    for (const { responseKey, compiled: byStatement } of compiled.roots) {
      data[responseKey] = (byStatement ? fromSql.data?.[responseKey] : executed?.data?.[responseKey]) ?? null;
    }
    const errors = [...(executed?.errors ?? []).map(format), ...fromSql.errors];
    const nulled = fromSql.data === null || executed?.data === null;
    return errors.length > 0 ? { data: nulled ? null : data, errors } : { data };
  }

  /** What execution answers when every compiled root field fails with `error`: one error each, null as their types allow. */
  function unavailable(
    compiled: CompiledOperation,
    error: unknown,
  ): { data: Record<string, unknown> | null; errors: GraphQLFormattedError[] } {
    const data: Record<string, unknown> = {};
    const errors: GraphQLFormattedError[] = [];
    let nullable = true;
    for (const { responseKey, nodes, compiled: byStatement, nullable: mayBeNull } of compiled.roots) {
      if (!byStatement) continue;
      if (nodes[0]!.name.value === '__typename') {
        data[responseKey] = 'Query';
        continue;
      }
      data[responseKey] = null;
      nullable &&= mayBeNull;
      const failed = new GraphQLError('The statement failed', {
        nodes,
        path: [responseKey],
        originalError: error as Error,
      });
      errors.push(formatError(failed.toJSON(), failed));
    }
    return { data: nullable ? data : null, errors };
  }
}

function respond(singleResult: FormattedExecutionResult): GraphQLResponse {
  return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult } };
}
