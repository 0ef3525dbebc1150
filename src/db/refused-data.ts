/** A database error that refused the data: PostgreSQL's classes 22 (data exception) and 23 (constraint). */
export interface RefusedData {
  /** the SQLSTATE, such as 23514 */
  code: string;
  /** the constraint broken, where the server names one */
  constraint?: string;
  /** the server's message, for logs and import errors */
  message: string;
}

/** The refusal behind `error` (or its causes, as Drizzle wraps them), or null for any other error. */
export function refusedData(error: unknown): RefusedData | null {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    const {
      code,
      constraint_name: serverConstraint,
      constraint: pgliteConstraint,
    } = e as {
      code?: unknown;
      constraint_name?: string;
      constraint?: string;
    };
    if (typeof code === 'string' && /^2[23][0-9A-Z]{3}$/.test(code)) {
      return { code, constraint: serverConstraint ?? pgliteConstraint, message: e.message };
    }
  }
  return null;
}
