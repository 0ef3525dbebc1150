import type { trainingSessions } from '../../db/schema';
import type { GovernanceMetricRow } from '../governance/mappers';

export type TrainingSessionRow = typeof trainingSessions.$inferSelect;

/** Person-times over the matching sessions and the target metric that applies, if any. */
export interface TrainingProgressRow {
  sessionCount: number;
  personTimes: number;
  targetMetric: GovernanceMetricRow | null;
}
