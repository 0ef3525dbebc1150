import { arrayOverlaps, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { orderedByKey } from '../../batching/ordered';
import { rows, type Db } from '../../db/client';
import { insertRowsReturning } from '../../db/insert-rows';
import { trainingSessions } from '../../db/schema';
import type { TimeInterval, TrainingSessionFilter, TrainingSessionOrder } from '../../generated/graphql';
import { checkDateRange } from '../dates/date-range';
import { expectGlobalId } from '../node/global-id';
import type { PageWindow } from '../pagination/arguments';
import type { ListQuery, Sort } from '../pagination/store';
import { provenanceIn } from '../provenance/filter';
import type { RegionDirectory } from '../regions/directory';
import { inRegion } from '../regions/filter';
import type { TrainingPeriodRow, TrainingSessionRow, TrainingSumsRow } from './mappers';
import { whereAll } from '../../db/where-all';
import { rowsByIds } from '../../db/rows-by-ids';
import { TRUNC_UNIT } from '../statistics/periods';
import { provenanceCountColumns, type ProvenanceCountsRow } from '../statistics/provenance-counts';
import { withValuesWritten } from '../../db/written-values';

/** One session per id, in id order; null where absent. */
export async function findTrainingSessionsByIds(
  db: Db,
  ids: readonly string[],
): Promise<(TrainingSessionRow | null)[]> {
  const found = await rowsByIds(db, trainingSessions, ids);
  return orderedByKey(ids, found, (t) => t.id);
}

export function trainingSessionConditions(
  filter: TrainingSessionFilter | null | undefined,
  regions: RegionDirectory,
): SQL[] {
  if (!filter) return [];
  const f = filter;
  checkDateRange(f.dateFrom, f.dateTo, 'filter.dateTo');
  return withValuesWritten([
    f.organizerId != null
      ? eq(trainingSessions.organizerId, expectGlobalId(f.organizerId, 'Organization', 'filter.organizerId'))
      : undefined,
    f.formats?.length ? inArray(trainingSessions.format, f.formats) : undefined,
    f.audiences?.length ? arrayOverlaps(trainingSessions.audiences, f.audiences) : undefined,
    f.regionCode != null
      ? inRegion(regions, trainingSessions.regionCode, f.regionCode, 'filter.regionCode')
      : undefined,
    f.dateFrom != null ? gte(trainingSessions.startsOn, f.dateFrom) : undefined,
    f.dateTo != null ? lte(trainingSessions.startsOn, f.dateTo) : undefined,
    provenanceIn(trainingSessions.provenanceKind, f.provenance),
  ]);
}

/** Latest first unless told otherwise. */
export function trainingSessionSort(order: TrainingSessionOrder | null | undefined): Sort {
  const descending = order ? order.direction === 'DESC' : true;
  switch (order?.field ?? 'STARTS_ON') {
    case 'PARTICIPANT_COUNT':
      return { key: sql`${trainingSessions.participantCount}`, type: 'integer', descending };
    case 'CREATED_AT':
      return { key: sql`${trainingSessions.createdAt}`, type: 'timestamptz', descending };
    default:
      return { key: sql`${trainingSessions.startsOn}`, type: 'date', descending };
  }
}

export function trainingSessionList(
  conditions: SQL[],
  order: TrainingSessionOrder | null | undefined,
  window: PageWindow,
): ListQuery<typeof trainingSessions> {
  return { table: trainingSessions, conditions, sort: trainingSessionSort(order), window };
}

/**
 * What training sums read: the matching sessions themselves, or the rows of a rollup grain that
 * keeps every dimension the filter names (src/modules/statistics/training-grains.ts), each giving
 * its own expressions for the same figures.
 */
export interface TrainingSource {
  table: PgTable;
  conditions: SQL[];
  sessionCount: SQL;
  personTimes: SQL;
  /** sessions per provenance kind, as provenanceCountColumns gives them */
  provenanceCounts: SQL;
  /** the day the period of a session is taken from */
  startsOn: SQL | PgColumn;
}

/** Every session matching `conditions`. */
export function sessionsSource(conditions: SQL[]): TrainingSource {
  return {
    table: trainingSessions,
    conditions,
    sessionCount: sql`count(*)`,
    personTimes: sql`sum(${trainingSessions.participantCount})`,
    provenanceCounts: provenanceCountColumns(trainingSessions.provenanceKind),
    startsOn: trainingSessions.startsOn,
  };
}

/**
 * Sessions, person-times (人次) and, when `byProvenance`, sessions per provenance kind over
 * `source`. Over the sessions without the kinds, an index holding the participant counts can answer
 * alone; with them, every matching row is read, so they are counted only when asked for.
 */
export async function sumTraining(
  db: Db,
  source: TrainingSource,
  byProvenance: boolean,
): Promise<TrainingSumsRow & Partial<ProvenanceCountsRow>> {
  const [row] = await rows<TrainingSumsRow & Partial<ProvenanceCountsRow>>(
    db,
    sql`select coalesce(${source.sessionCount}, 0)::int as "sessionCount", coalesce(${source.personTimes}, 0)::int as "personTimes"
          ${byProvenance ? sql`, ${source.provenanceCounts}` : sql``}
        from ${source.table} ${whereAll(source.conditions)}`,
  );
  return row!;
}

export type NewTrainingSessionRow = typeof trainingSessions.$inferInsert;

/** Inserts trainingSessions in multi-row statements; returns them as written, in input order. */
export function insertTrainingSessions(db: Db, rows: readonly NewTrainingSessionRow[]): Promise<TrainingSessionRow[]> {
  return insertRowsReturning(db, trainingSessions, rows);
}

/** Sessions and person-times per period a session started in, oldest first, only periods holding a session. */
export async function sumTrainingPerPeriod(
  db: Db,
  interval: TimeInterval,
  source: TrainingSource,
): Promise<TrainingPeriodRow[]> {
  return rows<TrainingPeriodRow>(
    db,
    sql`select to_char(date_trunc(${TRUNC_UNIT[interval]}, ${source.startsOn}), 'YYYY-MM-DD') as "startsOn",
          ${source.sessionCount}::int as "sessionCount", coalesce(${source.personTimes}, 0)::int as "personTimes",
          ${source.provenanceCounts}
        from ${source.table} ${whereAll(source.conditions)}
        group by 1 having ${source.sessionCount} > 0 order by 1`,
  );
}
