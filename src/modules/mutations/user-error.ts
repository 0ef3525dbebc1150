/** What a UserError's code says went wrong (API.md "Writes"). */
export type UserErrorCode =
  | 'INVALID'
  | 'NOT_FOUND'
  | 'FORBIDDEN_RECORD'
  | 'VERSION_CONFLICT'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'IDEMPOTENCY_KEY_IN_USE';

/** An expected failure of a mutation, returned as data (`UserError` in the schema). */
export interface UserErrorShape {
  code: UserErrorCode;
  message: string;
  /** the input field at fault, as a dotted path; null when no single field is */
  field: string | null;
}

export const invalid = (field: string | null, message: string): UserErrorShape => ({ code: 'INVALID', field, message });

export const notFound = (field: string, message: string): UserErrorShape => ({ code: 'NOT_FOUND', field, message });

/** The input names a record of another organization than the key's. */
export const forbiddenRecord = (field: string, message: string): UserErrorShape => ({
  code: 'FORBIDDEN_RECORD',
  field,
  message,
});

export const versionConflict = (expected: number, current: number): UserErrorShape => ({
  code: 'VERSION_CONFLICT',
  field: 'input.expectedVersion',
  message: `the record is at version ${current}, not ${expected}; read it again and retry`,
});

export function isUserError(result: unknown): result is UserErrorShape {
  return typeof result === 'object' && result !== null && 'code' in result && 'message' in result && 'field' in result;
}

/** A mutation result union's `__resolveType`: its success type, or `UserError`. */
export const successOrUserError =
  <S extends string>(success: S) =>
  (result: object): S | 'UserError' =>
    isUserError(result) ? 'UserError' : success;
