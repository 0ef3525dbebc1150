import type { TrainingSessionFilter } from '../../generated/graphql';
import { isFirstOfMonth, isLastOfMonth } from './periods';

/** A dimension training rollups can filter or group by, beside the provenance kind every grain keeps. */
export type TrainingDimension = 'format' | 'province' | 'month';

/** One grain of `training_rollups`: the dimensions its rows keep. */
export interface TrainingGrain {
  grain: number;
  dimensions: readonly TrainingDimension[];
}

/**
 * The grains, smallest first; the same list as the VALUES of fold_training_rollup_deltas in
 * migrations/0024_training_rollup_triggers.sql (rows on the benchmark set's 50,000 sessions: 1, 216,
 * 198, 1,186). A grain of all three would have 6,484, one for every eight sessions.
 */
export const TRAINING_GRAINS: readonly TrainingGrain[] = [
  { grain: 0, dimensions: [] },
  { grain: 1, dimensions: ['format', 'month'] },
  { grain: 2, dimensions: ['format', 'province'] },
  { grain: 3, dimensions: ['province', 'month'] },
];

/** A GB/T 2260 province's code: its sessions are those whose region's code starts with its first two digits. */
const isProvinceCode = (code: string) => /^\d{2}0000$/.test(code);

/**
 * The smallest grain that answers a statistic over `filter` that also groups by `also`, or null
 * when only reading the sessions can: an organizer or audience, a region below a province, or a
 * date range that does not start on the first and end on the last day of a month. The region code
 * has been checked against the directory by the conditions built beside it.
 */
export function trainingGrainAnswering(
  filter: TrainingSessionFilter | null | undefined,
  ...also: TrainingDimension[]
): TrainingGrain | null {
  const f = filter ?? {};
  if (f.organizerId != null || f.audiences?.length) return null;
  if (f.regionCode != null && !isProvinceCode(f.regionCode)) return null;
  if (f.dateFrom != null && !isFirstOfMonth(f.dateFrom)) return null;
  if (f.dateTo != null && !isLastOfMonth(f.dateTo)) return null;
  const needed: TrainingDimension[] = [...also];
  if (f.formats?.length) needed.push('format');
  if (f.regionCode != null) needed.push('province');
  if (f.dateFrom != null || f.dateTo != null) needed.push('month');
  return TRAINING_GRAINS.find((g) => needed.every((d) => g.dimensions.includes(d))) ?? null;
}
