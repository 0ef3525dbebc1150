import type { DonationDimension, DonationFilter } from '../../generated/graphql';
import { isFirstOfMonth, isLastOfMonth } from './periods';

/** A dimension donation rollups can group or filter by, beside the provenance kind every grain keeps. */
export type RollupDimension = 'purpose' | 'status' | 'donorType' | 'donorIndustry' | 'province' | 'month' | 'donor';

/** One grain of `donation_rollups`: the dimensions its rows keep. */
export interface DonationGrain {
  grain: number;
  dimensions: readonly RollupDimension[];
}

/**
 * The grains (rows on the benchmark set's million donations: 2, 1,270, 1,817, 4,987, 7,121, 19,285,
 * and 6,980 for the donor's); the same list as the rows migrations/0006_donation_rollup_triggers.sql
 * and 0026_donation_rollup_donor_grain.sql put in `donation_rollup_grains`. A grain keeping every
 * dimension would have a row for most donations.
 */
export const DONATION_GRAINS: readonly DonationGrain[] = [
  { grain: 0, dimensions: [] },
  { grain: 1, dimensions: ['purpose', 'status', 'donorType', 'donorIndustry'] },
  { grain: 2, dimensions: ['purpose', 'status', 'province'] },
  { grain: 3, dimensions: ['purpose', 'status', 'month'] },
  { grain: 4, dimensions: ['purpose', 'status', 'donorType', 'province'] },
  { grain: 5, dimensions: ['purpose', 'status', 'donorType', 'month'] },
  { grain: 6, dimensions: ['donor'] },
];

/** The rollup dimension a `donationStats` dimension groups by; null for donors and recipients, which only a scan answers. */
export const GROUP_DIMENSION: Readonly<Record<DonationDimension, RollupDimension | null>> = {
  DONOR: null,
  RECIPIENT: null,
  DONOR_TYPE: 'donorType',
  DONOR_INDUSTRY: 'donorIndustry',
  PURPOSE: 'purpose',
  STATUS: 'status',
  YEAR: 'month',
  MONTH: 'month',
  PROVINCE: 'province',
};

/**
 * The rollup dimensions a filter conditions on, or null when some condition only a scan can
 * answer: a recipient or project, a minimum total, or a date range that does not start
 * on the first and end on the last day of a month.
 */
export function filterDimensions(filter: DonationFilter | null | undefined): RollupDimension[] | null {
  if (!filter) return [];
  const f = filter;
  if (f.recipientId != null || f.projectId != null || f.minTotal != null) return null;
  if (f.dateFrom != null && !isFirstOfMonth(f.dateFrom)) return null;
  if (f.dateTo != null && !isLastOfMonth(f.dateTo)) return null;
  const dimensions: RollupDimension[] = [];
  if (f.purpose != null) dimensions.push('purpose');
  if (f.statuses?.length) dimensions.push('status');
  if (f.donorTypes?.length) dimensions.push('donorType');
  if (f.donorIndustries?.length) dimensions.push('donorIndustry');
  if (f.dateFrom != null || f.dateTo != null) dimensions.push('month');
  if (f.donorId != null) dimensions.push('donor');
  return dimensions;
}

/** The smallest grain that keeps every dimension `needed`; null when no grain does (a scan answers). */
export function grainFor(needed: readonly (RollupDimension | null)[] | null): DonationGrain | null {
  if (needed === null || needed.includes(null)) return null;
  return DONATION_GRAINS.find((g) => needed.every((d) => g.dimensions.includes(d as RollupDimension))) ?? null;
}

/** The grain that answers a statistic over `filter` grouped by `also`; null when only a scan can. */
export function grainAnswering(
  filter: DonationFilter | null | undefined,
  ...also: (RollupDimension | null)[]
): DonationGrain | null {
  const conditioned = filterDimensions(filter);
  return conditioned === null ? null : grainFor([...conditioned, ...also]);
}
