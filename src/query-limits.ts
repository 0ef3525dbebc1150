import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { GraphQLError, ValidationContext, ValidationRule } from 'graphql';

export interface QueryLimits {
  /** field nesting, fragments flattened; introspection is exempt */
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  /** lexical tokens in a document; more is refused while parsing (HTTP 400) */
  maxTokens: number;
  /** nodes an operation could return, page sizes multiplied down the tree (QUERY_TOO_COMPLEX) */
  maxNodes: number;
}

/**
 * armor's rules throw on rejection by default, which Apollo answers as an internal error (500);
 * reported to the validation context instead, a rejection is GRAPHQL_VALIDATION_FAILED (400).
 */
const REPORT_AS_VALIDATION_ERROR = {
  propagateOnRejection: false,
  onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)],
};

/**
 * What every document is checked against before any resolver runs. Depth, alias and directive
 * limits are graphql-armor's validation rules; the token limit is graphql-js's own parser option
 * through Apollo, which answers 400 where armor's token plugin answers 500.
 */
export function queryLimits(limits: QueryLimits): {
  validationRules: ValidationRule[];
  parseOptions: { maxTokens: number };
} {
  return {
    validationRules: [
      maxDepthRule({
        n: limits.maxDepth,
        flattenFragments: true,
        ignoreIntrospection: true,
        ...REPORT_AS_VALIDATION_ERROR,
      }),
      maxAliasesRule({ n: limits.maxAliases, ...REPORT_AS_VALIDATION_ERROR }),
      maxDirectivesRule({ n: limits.maxDirectives, ...REPORT_AS_VALIDATION_ERROR }),
    ],
    parseOptions: { maxTokens: limits.maxTokens },
  };
}
