import type { PeriodRow } from '../statistics/periods';
import type { ProvenanceCountsRow } from '../statistics/provenance-counts';
import type { trainingSessions } from '../../db/schema';
import type { TrainingSession } from '../../generated/graphql';
import type { GovernanceMetricRow } from '../governance/mappers';
import type { FieldColumns } from '../pagination/selection';

export type TrainingSessionRow = typeof trainingSessions.$inferSelect;

/** What each TrainingSession field reads of its row; lists of sessions select only these. */
export const TRAINING_SESSION_FIELD_COLUMNS: FieldColumns<TrainingSession, TrainingSessionRow> = {
  id: ['id'],
  title: ['title'],
  organizer: ['organizerId'],
  format: ['format'],
  audiences: ['audiences'],
  topics: ['topics'],
  region: ['regionCode'],
  startsOn: ['startsOn'],
  endsOn: ['endsOn'],
  participantCount: ['participantCount'],
  provenance: ['provenanceKind', 'sourceId'],
  createdAt: ['createdAt'],
  updatedAt: ['updatedAt'],
  version: ['version'],
  history: ['id'],
};

/**
 * Person-times over the matching sessions, and what the request asked for beside them: their
 * provenance kinds (`provenanceCounts`), and the target metric that applies, if any (null too
 * when no field asked needs it).
 */
export interface TrainingProgressRow extends TrainingSumsRow, Partial<ProvenanceCountsRow> {
  targetMetric: GovernanceMetricRow | null;
}

/** Sessions and person-times over every matching session. */
export interface TrainingSumsRow {
  sessionCount: number;
  personTimes: number;
}

/** Sessions and person-times that started in one period of a timeline. */
export interface TrainingPeriodRow extends PeriodRow, TrainingSumsRow, ProvenanceCountsRow {}

/** The success of `recordTrainingSession`. */
export interface TrainingSessionWritten {
  trainingSession: TrainingSessionRow;
}
