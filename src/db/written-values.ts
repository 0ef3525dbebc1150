import type { SQL } from 'drizzle-orm';

/**
 * The conditions of a filter with their values written into the statement's text rather than
 * bound as parameters (Drizzle's `inlineParams`: strings quoted with quotes doubled, which the
 * connection's `standard_conforming_strings = on` makes exact). A filter's values decide its plan:
 * bound, a prepared statement's generic plan is costed without them, and PostgreSQL switches to
 * it after five runs (a filtered page by total then bitmap-scans a whole year of donations and
 * sorts it instead of walking the `(total, id)` index: 575–690 ms instead of 280–300 ms). Written in,
 * every plan of the statement is planned for them, while the values that cannot change a plan
 * (a cursor's position, a parent's id) stay parameters and the statement's plan is reused. A
 * statement text is prepared only once it is hot (PreparedStatementPolicy), so distinct filters
 * are planned and forgotten.
 */
export function withValuesWritten(conditions: ReadonlyArray<SQL | undefined>): SQL[] {
  return conditions.filter((c): c is SQL => c !== undefined).map((c) => c.inlineParams());
}
