import { BadUserInputError } from '../../errors';
import { isUuid } from '../node/uuid';

/** A keyset position: the sort key as PostgreSQL prints it, then the row's id. */
export interface Position {
  key: string | null;
  id: string;
}

export function encodeCursor(position: Position): string {
  return Buffer.from(JSON.stringify([position.key, position.id])).toString('base64url');
}

/** Parses a cursor given as `argument`; a cursor that this API did not issue is BAD_USER_INPUT. */
export function decodeCursor(cursor: string, argument: string): Position {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      (typeof value[0] === 'string' || value[0] === null) &&
      typeof value[1] === 'string' &&
      isUuid(value[1])
    ) {
      return { key: value[0], id: value[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw new BadUserInputError(argument, 'is not a cursor issued by this API');
}
