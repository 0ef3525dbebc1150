import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, visit, type DocumentNode, type OperationDefinitionNode, type ValueNode } from 'graphql';
import { BadUserInputError } from './errors';
import { coercedVariables } from './request-variables';

/** Why `text` cannot be an argument, or null when it can: PostgreSQL text holds neither of these. */
function textProblem(text: string): string | null {
  if (text.includes('\u0000')) return 'must not contain the NUL character (U+0000)';
  if (/\p{Cs}/u.test(text)) return 'must be well-formed Unicode, not hold a lone UTF-16 surrogate';
  return null;
}

/** `refused`, answered with HTTP 400: thrown before execution, an error without a status is a 500. */
function with400(refused: GraphQLError): GraphQLError {
  refused.extensions['http'] = { status: 400 };
  return refused;
}

/**
 * The strings in a literal value with their paths below `path`, breadth first and without
 * recursion: a document may nest lists thousands deep.
 */
function literalStrings(value: ValueNode, path: string): Array<[string, string]> {
  const strings: Array<[string, string]> = [];
  const queue: Array<[ValueNode, string]> = [[value, path]];
  for (let i = 0; i < queue.length; i++) {
    const [node, at] = queue[i]!;
    if (node.kind === Kind.STRING) strings.push([at, node.value]);
    if (node.kind === Kind.LIST) node.values.forEach((item, index) => queue.push([item, `${at}[${index}]`]));
    if (node.kind === Kind.OBJECT)
      for (const field of node.fields) queue.push([field.value, `${at}.${field.name.value}`]);
  }
  return strings;
}

/** The strings in coerced variable values (nested no deeper than their input types), with their paths. */
function variableStrings(variables: Record<string, unknown>): Array<[string, string]> {
  const strings: Array<[string, string]> = [];
  const queue: Array<[unknown, string]> = Object.entries(variables).map(([name, value]) => [value, `$${name}`]);
  for (let i = 0; i < queue.length; i++) {
    const [value, at] = queue[i]!;
    if (typeof value === 'string') strings.push([at, value]);
    else if (Array.isArray(value)) value.forEach((item, index) => queue.push([item, `${at}[${index}]`]));
    else if (value && typeof value === 'object') {
      for (const [name, field] of Object.entries(value)) queue.push([field, `${at}.${name}`]);
    }
  }
  return strings;
}

/** documentStrings of each parsed document, which Apollo's document store hands to every request sending the same text. */
const stringsOfDocuments = new WeakMap<DocumentNode, Array<[string, string]>>();

/** Every string the document writes as an argument or a variable's default, by argument path (`filter.search`). */
function documentStrings(document: DocumentNode): Array<[string, string]> {
  let strings = stringsOfDocuments.get(document);
  if (!strings) {
    strings = writtenStrings(document);
    stringsOfDocuments.set(document, strings);
  }
  return strings;
}

function writtenStrings(document: DocumentNode): Array<[string, string]> {
  const strings: Array<[string, string]> = [];
  visit(document, {
    Argument: (node) => {
      strings.push(...literalStrings(node.value, node.name.value));
    },
    VariableDefinition: (node) => {
      if (node.defaultValue) strings.push(...literalStrings(node.defaultValue, `$${node.variable.name.value}`));
    },
  });
  return strings;
}

/** BAD_USER_INPUT naming the first string that cannot be an argument, if any. */
function checkStrings(strings: Array<[string, string]>): void {
  for (const [path, text] of strings) {
    const problem = textProblem(text);
    if (problem) throw with400(new BadUserInputError(path, problem));
  }
}

/** GRAPHQL_VALIDATION_FAILED for an operation whose root type the schema lacks (it has no Subscription). */
function unsupported(operation: OperationDefinitionNode): GraphQLError {
  return new GraphQLError(
    `This API has no ${operation.operation} operations: the schema defines no ${operation.operation} root type.`,
    { nodes: operation, extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } } },
  );
}

/**
 * Refuses, as client errors before anything executes, what would otherwise fail inside
 * execution or the database and reach the client masked:
 * - an operation of a kind the schema has no root type for (a subscription): GRAPHQL_VALIDATION_FAILED, 400;
 * - variables that do not fit their types: the first of graphql-js's errors, BAD_USER_INPUT, 400;
 * - a string argument, literal or variable, holding U+0000 or a lone surrogate: BAD_USER_INPUT, 400,
 *   naming it (`filter.search`, `$filter.search`, `ids[1]`);
 * - and gives Apollo's own refusals that carry a 4xx status but no code (a persisted query's hash
 *   that does not match its query, an unknown persisted-query version) the code BAD_REQUEST, so the
 *   error formatter passes them through instead of masking them.
 * List it before the cost plugin: Apollo runs `didResolveOperation` hooks together and answers
 * the first refusal in plugin order.
 */
export function requestChecksPlugin<C extends object>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation, schema }) {
          // no operation by that name: execution answers OPERATION_RESOLUTION_FAILURE
          if (!operation) return;
          if (!schema.getRootType(operation.operation)) throw unsupported(operation);
          const variables = coercedVariables(schema, operation, request);
          if (variables.errors) {
            const [first] = variables.errors;
            throw with400(
              new GraphQLError(first!.message, { nodes: first!.nodes, extensions: { code: 'BAD_USER_INPUT' } }),
            );
          }
          checkStrings(documentStrings(document));
          checkStrings(variableStrings(variables.coerced));
        },

        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            const status = (error.extensions['http'] as { status?: number } | undefined)?.status;
            if (error.extensions['code'] === undefined && status !== undefined && status >= 400 && status < 500) {
              error.extensions['code'] = 'BAD_REQUEST';
            }
          }
        },
      };
    },
  };
}
