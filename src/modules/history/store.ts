import { and, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { orderedByKey } from '../../batching/ordered';
import type { Db } from '../../db/client';
import { insertRows } from '../../db/insert-rows';
import { rowsByIds } from '../../db/rows-by-ids';
import { recordChanges } from '../../db/schema';
import type { AuditLogFilter } from '../../generated/graphql';
import type { Writer } from '../mutations/writer';
import { expectGlobalId, parseGlobalId } from '../node/global-id';
import { BadUserInputError } from '../../errors';
import type { PageWindow } from '../pagination/arguments';
import type { ListQuery } from '../pagination/store';
import type { FieldChanges, RecordEntity } from './changes';
import type { RecordChangeRow } from './mappers';
import { withValuesWritten } from '../../db/written-values';

/** One version of a record, as written in the write's transaction. */
export interface RecordVersion {
  entity: RecordEntity;
  recordId: string;
  version: number;
  action: RecordChangeRow['action'];
  reason?: string | null;
  changes: FieldChanges;
}

/** Writes the history rows of `versions`, all by `writer`, in one statement. */
export async function insertRecordChanges(db: Db, writer: Writer, versions: readonly RecordVersion[]): Promise<void> {
  if (versions.length === 0) return;
  await insertRows(
    db,
    recordChanges,
    versions.map((v) => ({
      entity: v.entity,
      recordId: v.recordId,
      version: v.version,
      action: v.action,
      reason: v.reason ?? null,
      actorKeyId: writer.keyId,
      actorName: writer.name,
      actorOrganizationId: writer.organizationId,
      before: v.changes.before,
      after: v.changes.after,
    })),
  );
}

/** One change per id, in id order; null where absent. */
export async function findRecordChangesByIds(db: Db, ids: readonly string[]): Promise<(RecordChangeRow | null)[]> {
  return orderedByKey(ids, await rowsByIds(db, recordChanges, ids), (c) => c.id);
}

/** A record's history, oldest version first. */
export function recordHistoryList(window: PageWindow): ListQuery<typeof recordChanges> {
  return {
    table: recordChanges,
    conditions: [],
    sort: { key: sql`${recordChanges.version}`, type: 'integer', descending: false },
    window,
  };
}

export function auditLogConditions(filter: AuditLogFilter | null | undefined): SQL[] {
  if (!filter) return [];
  const f = filter;
  let recordId: string | undefined;
  if (f.recordId != null) {
    const parsed = parseGlobalId(f.recordId);
    if (!parsed) throw new BadUserInputError('filter.recordId', 'is not a valid ID');
    recordId = parsed.id;
  }
  return withValuesWritten([
    f.entities?.length ? inArray(recordChanges.entity, f.entities) : undefined,
    recordId !== undefined ? eq(recordChanges.recordId, recordId) : undefined,
    f.actorOrganizationId != null
      ? eq(
          recordChanges.actorOrganizationId,
          expectGlobalId(f.actorOrganizationId, 'Organization', 'filter.actorOrganizationId'),
        )
      : undefined,
    f.actions?.length ? inArray(recordChanges.action, f.actions) : undefined,
    f.changedFrom != null ? gte(recordChanges.changedAt, f.changedFrom.toISOString()) : undefined,
    f.changedTo != null ? lt(recordChanges.changedAt, f.changedTo.toISOString()) : undefined,
  ]);
}

/** Every change, newest first. */
export function auditLogList(conditions: SQL[], window: PageWindow): ListQuery<typeof recordChanges> {
  return {
    table: recordChanges,
    conditions: conditions.length ? [and(...conditions)!] : [],
    sort: { key: sql`${recordChanges.changedAt}`, type: 'timestamptz', descending: true },
    window,
  };
}
