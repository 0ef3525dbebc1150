import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { ProvenanceCounts } from '../../generated/graphql';

/** Records per provenance kind, as the aggregate columns `reported`, `submitted` and `synthetic`. */
export interface ProvenanceCountsRow {
  reported: number;
  submitted: number;
  synthetic: number;
}

export const NO_RECORDS: ProvenanceCountsRow = { reported: 0, submitted: 0, synthetic: 0 };

/**
 * The three counts as aggregate columns: `count(*)` per kind over the rows of `kind`, or, over
 * rollup rows, the sum of `weight` (their record counts) per kind.
 */
export function provenanceCountColumns(kind: PgColumn | SQL, weight?: PgColumn | SQL): SQL {
  const count = (value: string) =>
    weight
      ? sql`coalesce(sum(${weight}) filter (where ${kind} = ${value}), 0)::int`
      : sql`(count(*) filter (where ${kind} = ${value}))::int`;
  return sql`${count('REPORTED')} as "reported", ${count('SUBMITTED')} as "submitted", ${count('SYNTHETIC')} as "synthetic"`;
}

/** The GraphQL `ProvenanceCounts` of a row holding the three columns. */
export function provenanceCounts(row: ProvenanceCountsRow): ProvenanceCounts {
  return { reported: row.reported, submitted: row.submitted, synthetic: row.synthetic };
}
