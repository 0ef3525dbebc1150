import { GraphQLError, GraphQLScalarType } from 'graphql';

/** Field values by GraphQL field name, as history stores them: strings as the API shows them, or null. */
export type FieldValueMap = Record<string, string | null>;

const isFieldValueMap = (value: unknown): value is FieldValueMap =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.values(value).every((v) => v === null || typeof v === 'string');

/**
 * A JSON object of field values, output only. An object rather than a list of name/value pairs
 * because a mirror applies it as one merge (`{ ...row, ...fields }`, jsonb `||`), a key's presence
 * already tells "set to null" from "unchanged", the values are strings either way, and it adds no
 * list to cost per change.
 */
export const FieldValues = new GraphQLScalarType<FieldValueMap, FieldValueMap>({
  name: 'FieldValues',
  serialize: (value) => {
    if (!isFieldValueMap(value)) throw new GraphQLError('FieldValues are produced as objects of strings or nulls only');
    return value;
  },
  parseValue: () => {
    throw new GraphQLError('FieldValues is output only');
  },
  parseLiteral: () => {
    throw new GraphQLError('FieldValues is output only');
  },
});
