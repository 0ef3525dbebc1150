import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import { PgDialect } from 'drizzle-orm/pg-core';
import {
  getVariableValues,
  GraphQLError,
  type DocumentNode,
  type FormattedExecutionResult,
  type GraphQLFormattedError,
} from 'graphql';
import type { Database, RenderedStatement } from '../../db/client';
import { fragmentsOf } from '../../fragments';
import type { RegionDirectory } from '../regions/directory';
import { compileOperation, NotCompilable, type SqlSchema } from './compile';
import { DATA_MARKER } from './raw-data';

/** Statements kept per document: one per operation name and set of variable values. */
const STATEMENTS_PER_DOCUMENT = 64;

/** What the plugin reads from and leaves on each request's context. */
export interface CompiledReadsContext {
  regions: RegionDirectory;
  /**
   * Holds the response's `data` as JSON text when one statement answered it, for the HTTP layer
   * to send; a holder, because Apollo executes each operation on a shallow copy of the context.
   */
  compiledData: { text?: string };
}

/**
 * Answers a query whose every field SQL can answer (`sqlSchema`) with one statement that builds
 * the whole `data` as JSON, in place of executing resolvers; any other operation executes as
 * usual. It runs after the request is charged (`didResolveOperation`), so metering, headers and
 * `extensions` are the same either way. Statements are rendered once per document, operation and
 * variable values, and kept while Apollo's document cache keeps the document.
 */
export function compiledReadsPlugin<C extends CompiledReadsContext>(
  sqlSchema: SqlSchema,
  database: Pick<Database, 'readText'>,
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError,
): ApolloServerPlugin<C> {
  const dialect = new PgDialect();
  const statements = new WeakMap<DocumentNode, Map<string, RenderedStatement | null>>();

  const statementFor = (
    document: DocumentNode,
    key: string,
    render: () => RenderedStatement | null,
  ): RenderedStatement | null => {
    let byKey = statements.get(document);
    if (!byKey) statements.set(document, (byKey = new Map()));
    if (byKey.has(key)) return byKey.get(key)!;
    const statement = render();
    if (byKey.size >= STATEMENTS_PER_DOCUMENT) byKey.delete(byKey.keys().next().value!);
    byKey.set(key, statement);
    return statement;
  };

  return {
    async requestDidStart() {
      return {
        async responseForOperation({ request, document, operation, schema, contextValue }) {
          if (operation.operation !== 'query') return null;
          const given = request.variables ?? {};
          const statement = statementFor(document, `${operation.name?.value ?? ''}:${JSON.stringify(given)}`, () => {
            const variables = getVariableValues(schema, operation.variableDefinitions ?? [], given);
            if (variables.errors) return null;
            try {
              return dialect.sqlToQuery(
                compileOperation(
                  sqlSchema,
                  schema,
                  operation,
                  fragmentsOf(document),
                  variables.coerced,
                  contextValue.regions,
                ),
              );
            } catch (error) {
              // fields only resolvers answer, or arguments execution will refuse with its own error
              if (error instanceof NotCompilable || error instanceof GraphQLError) return null;
              throw error;
            }
          });
          if (!statement) return null;
          try {
            contextValue.compiledData.text = await database.readText(statement);
            return respond({ data: DATA_MARKER });
          } catch (error) {
            // as a resolver's failure would be: logged, masked, SERVICE_UNAVAILABLE when the database is
            const wrapped = new GraphQLError('The statement failed', { originalError: error as Error });
            return respond({ data: null, errors: [formatError({ message: wrapped.message }, wrapped)] });
          }
        },
      };
    },
  };
}

function respond(singleResult: FormattedExecutionResult): GraphQLResponse {
  return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult } };
}
