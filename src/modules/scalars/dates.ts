import { GraphQLScalarType } from 'graphql';
import { DateTimeResolver, LocalDateResolver } from 'graphql-scalars';

/** `YYYY-MM-DD`, kept as a string both ways (graphql-scalars' LocalDate, under the contract's name). */
export const DateScalar = new GraphQLScalarType({
  ...LocalDateResolver.toConfig(),
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD.',
});

/** An instant as the database prints it, `2020-12-01 08:00:00.123+00`. */
export function fromDatabaseInstant(text: string): Date {
  return new Date(text.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'));
}

/** ISO 8601 with offset. The database prints `2020-12-01 08:00:00.123+00`; clients get `…T…Z`. */
export const DateTimeScalar = new GraphQLScalarType({
  ...DateTimeResolver.toConfig(),
  name: 'DateTime',
  serialize: (value) => DateTimeResolver.serialize(typeof value === 'string' ? fromDatabaseInstant(value) : value),
});
