/** An expected failure of a mutation, returned as data (`UserError` in the schema). */
export interface UserErrorShape {
  code: 'BAD_USER_INPUT' | 'NOT_FOUND';
  message: string;
  /** the input field at fault, as a dotted path; null when no single field is */
  field: string | null;
}

export const badInput = (field: string, message: string): UserErrorShape => ({
  code: 'BAD_USER_INPUT',
  field,
  message,
});

export const notFound = (field: string, message: string): UserErrorShape => ({ code: 'NOT_FOUND', field, message });

export function isUserError(result: object): result is UserErrorShape {
  return 'code' in result && 'message' in result && 'field' in result;
}
