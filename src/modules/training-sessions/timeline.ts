import type { TimeInterval, TrainingPeriod } from '../../generated/graphql';
import type { GovernanceMetricRow } from '../governance/mappers';
import { everyPeriod, period } from '../statistics/periods';
import { NO_RECORDS, provenanceCounts } from '../statistics/provenance-counts';
import type { TrainingPeriodRow } from './mappers';

/** The target in person-times held by a governance metric; null where none applies. */
export function targetOf(metric: GovernanceMetricRow | null): number | null {
  return metric?.target != null ? Number(metric.target) : null;
}

/** Progress is an exact ratio: person-times over the target, to four decimals, rounded half up; null without a target. */
export function progressToward(personTimes: number, metric: GovernanceMetricRow | null): string | null {
  const target = metric?.target;
  if (target == null || Number(target) === 0) return null;
  const scaled = (BigInt(personTimes) * 100000n) / BigInt(target.split('.')[0]!);
  const rounded = (scaled + 5n) / 10n;
  return `${rounded / 10000n}.${(rounded % 10000n).toString().padStart(4, '0')}`;
}

/** The parent of a `TrainingTimeline`. */
export interface TrainingTimelineParent {
  periods: TrainingPeriod[];
  target: number | null;
  targetDate: string | null;
  targetMetric: GovernanceMetricRow | null;
}

const emptyPeriod = (startsOn: string): TrainingPeriodRow => ({
  startsOn,
  sessionCount: 0,
  personTimes: 0,
  ...NO_RECORDS,
});

/** A training timeline from per-period sums (oldest first): gaps filled, running person-times against the target. */
export function trainingTimeline(
  interval: TimeInterval,
  rows: readonly TrainingPeriodRow[],
  targetMetric: GovernanceMetricRow | null,
): TrainingTimelineParent {
  let cumulative = 0;
  const periods = everyPeriod(interval, rows, emptyPeriod).map((r) => {
    cumulative += r.personTimes;
    return {
      ...period(interval, r.startsOn),
      sessionCount: r.sessionCount,
      personTimes: r.personTimes,
      cumulativePersonTimes: cumulative,
      progress: progressToward(cumulative, targetMetric),
      provenanceCounts: provenanceCounts(r),
    };
  });
  return { periods, target: targetOf(targetMetric), targetDate: targetMetric?.periodEnd ?? null, targetMetric };
}
