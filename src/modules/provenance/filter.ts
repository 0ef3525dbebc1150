import { inArray, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { ProvenanceKind } from '../../generated/graphql';

/** The record's provenance kind is one of `kinds`; no condition when none are given. */
export function provenanceIn(column: PgColumn, kinds: readonly ProvenanceKind[] | null | undefined): SQL | undefined {
  return kinds?.length ? inArray(column, [...kinds]) : undefined;
}
