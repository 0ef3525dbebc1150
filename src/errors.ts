import { GraphQLError } from 'graphql';

/** The input is wrong; `argument` names the argument or input field at fault, as a dotted path. */
export class BadUserInputError extends GraphQLError {
  constructor(argument: string, problem: string) {
    super(`${argument}: ${problem}`, { extensions: { code: 'BAD_USER_INPUT', argument } });
  }
}

/** Error codes a client may see verbatim; anything else is masked as INTERNAL_SERVER_ERROR. */
export const CLIENT_SAFE_CODES = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'RATE_LIMITED',
  'QUERY_TOO_COMPLEX',
  'SERVICE_UNAVAILABLE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);
