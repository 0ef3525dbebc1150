import { GraphQLError } from 'graphql';

/** The input is wrong; `argument` names the argument or input field at fault, as a dotted path. */
export class BadUserInputError extends GraphQLError {
  constructor(argument: string, problem: string) {
    super(`${argument}: ${problem}`, { extensions: { code: 'BAD_USER_INPUT', argument } });
  }
}

/** The API key is malformed, unknown, revoked or expired: HTTP 401, whatever the operation. */
export class UnauthenticatedError extends GraphQLError {
  /** the response's headers; the server adds the client address's rate-limit headers */
  readonly headers = new Map([['www-authenticate', 'Bearer realm="gongyi-graph"']]);

  constructor(problem: string) {
    super(`API key ${problem}. Send a valid key as \`Authorization: Bearer <key>\`, or none to be anonymous.`, {
      extensions: { code: 'UNAUTHENTICATED' },
    });
    this.extensions['http'] = { status: 401, headers: this.headers };
  }
}

/** The caller is who they say, but may not do this. */
export class ForbiddenError extends GraphQLError {
  constructor(problem: string) {
    super(problem, { extensions: { code: 'FORBIDDEN' } });
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
