import { GraphQLError, GraphQLScalarType, type ValueNode } from 'graphql';
import { DateTimeResolver, LocalDateResolver } from 'graphql-scalars';

/**
 * The years a date or instant may fall in: PostgreSQL has no year 0 (it reads `0000-01-01` as an
 * error) and prints years past 9999 with five digits, which no client of ours expects.
 */
const YEARS = 'the years 0001–9999';

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysIn(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
}

/** True for a day of the calendar in `YYYY-MM-DD`, in the years 0001–9999: what a date column holds and prints. */
export function isStorableDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
}

/**
 * True for an instant as PostgreSQL prints a timestamptz, `2020-12-01 08:00:00.123+00`, with a
 * real day, a time of day (no hour 24, no leap second) and an offset PostgreSQL accepts (±15:59).
 */
export function isDatabaseInstant(text: string): boolean {
  const match = /^(\S+) (\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?[+-](\d{2})(?::(\d{2}))?$/.exec(text);
  if (!match || !isStorableDate(match[1]!)) return false;
  const [hour, minute, second, offsetHours, offsetMinutes] = match.slice(2).map((part) => Number(part ?? 0));
  return hour! <= 23 && minute! <= 59 && second! <= 59 && offsetHours! <= 15 && offsetMinutes! <= 59;
}

const localDate = LocalDateResolver.toConfig();

/** `value`, or an error at `ast` (the literal, when it is one) if a date column cannot hold it. */
function storableDate(value: string, ast?: ValueNode): string {
  if (!isStorableDate(value)) throw new GraphQLError(`Date must be a day in ${YEARS}, got "${value}"`, { nodes: ast });
  return value;
}

/** `YYYY-MM-DD` in the years 0001–9999, kept as a string both ways (graphql-scalars' LocalDate, under the contract's name). */
export const DateScalar = new GraphQLScalarType({
  ...localDate,
  name: 'Date',
  parseValue: (value) => storableDate(localDate.parseValue!(value) as string),
  parseLiteral: (ast: ValueNode, variables) => storableDate(localDate.parseLiteral!(ast, variables) as string, ast),
});

/** An instant as the database prints it, `2020-12-01 08:00:00.123+00`. */
export function fromDatabaseInstant(text: string): Date {
  return new Date(text.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'));
}

const dateTime = DateTimeResolver.toConfig();

/** `value`, or an error at `ast` (the literal, when it is one) if a timestamptz column cannot hold it as we print it. */
function storableInstant(value: Date, ast?: ValueNode): Date {
  const year = value.getUTCFullYear();
  if (!(year >= 1 && year <= 9999)) {
    throw new GraphQLError(`DateTime must fall in ${YEARS} (UTC), got ${value.toISOString()}`, { nodes: ast });
  }
  return value;
}

/**
 * ISO 8601 with offset, parsed to a Date in the years 0001–9999 (UTC). The database prints
 * `2020-12-01 08:00:00.123+00`; clients get `…T…Z`.
 */
export const DateTimeScalar = new GraphQLScalarType({
  ...dateTime,
  name: 'DateTime',
  serialize: (value) => DateTimeResolver.serialize(typeof value === 'string' ? fromDatabaseInstant(value) : value),
  parseValue: (value) => storableInstant(dateTime.parseValue!(value) as Date),
  parseLiteral: (ast: ValueNode, variables) => storableInstant(dateTime.parseLiteral!(ast, variables) as Date, ast),
});
