import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/** At most 20 integer digits and 10 decimals: wider than any column, narrow enough to refuse junk. */
const DECIMAL = /^-?(0|[1-9]\d{0,19})(\.\d{1,10})?$/;

function parse(value: unknown): string {
  if (typeof value !== 'string' || !DECIMAL.test(value)) {
    throw new GraphQLError(
      `Decimal must be a string of digits with an optional fraction, such as "1000.00"; got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

/** Exact decimals as strings in both directions; numbers are refused so no float ever enters. */
export const Decimal = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  serialize: (value) => {
    if (typeof value !== 'string') throw new GraphQLError('Decimal values are produced as strings only');
    return value;
  },
  parseValue: parse,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('Decimal must be given as a string, such as "1000.00"');
    return parse(ast.value);
  },
});
