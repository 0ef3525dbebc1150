import type { TimeInterval } from '../../generated/graphql';

/** Sums for one period of a timeline, keyed by the period's first day. */
export interface PeriodRow {
  /** YYYY-MM-DD, the first day of a calendar month, quarter or year */
  startsOn: string;
}

/** Whether a day (YYYY-MM-DD) is the first of its month: a range from it covers whole months of a rollup. */
export const isFirstOfMonth = (day: string) => day.endsWith('-01');

/** Whether a day (YYYY-MM-DD) is the last of its month: a range to it covers whole months of a rollup. */
export const isLastOfMonth = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).getUTCDate() === 1;

/** The SQL `date_trunc` unit of each interval. */
export const TRUNC_UNIT: Readonly<Record<TimeInterval, string>> = { MONTH: 'month', QUARTER: 'quarter', YEAR: 'year' };

const MONTHS: Readonly<Record<TimeInterval, number>> = { MONTH: 1, QUARTER: 3, YEAR: 12 };

const iso = (year: number, month: number, day: number) =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** A period's key (`YYYY-MM`, `YYYY-Qn`, `YYYY`), first day and last day, from its first day. */
export function period(interval: TimeInterval, startsOn: string): { key: string; startsOn: string; endsOn: string } {
  const year = Number(startsOn.slice(0, 4));
  const month = Number(startsOn.slice(5, 7));
  const lastMonth = month + MONTHS[interval] - 1;
  const endsOn = iso(year, lastMonth, new Date(Date.UTC(year, lastMonth, 0)).getUTCDate());
  const key =
    interval === 'MONTH' ? startsOn.slice(0, 7) : interval === 'QUARTER' ? `${year}-Q${(month + 2) / 3}` : String(year);
  return { key, startsOn, endsOn };
}

/** The first day of the period after the one starting on `startsOn`. */
function nextStart(interval: TimeInterval, startsOn: string): string {
  const months = Number(startsOn.slice(0, 4)) * 12 + Number(startsOn.slice(5, 7)) - 1 + MONTHS[interval];
  return iso(Math.floor(months / 12), (months % 12) + 1, 1);
}

/**
 * Every period from the first row's to the last row's, oldest first: `rows` (sorted by
 * `startsOn`) where they are, `empty(startsOn)` in the gaps, so a chart's axis has no holes.
 */
export function everyPeriod<R extends PeriodRow>(
  interval: TimeInterval,
  rows: readonly R[],
  empty: (startsOn: string) => R,
): R[] {
  if (rows.length === 0) return [];
  const byStart = new Map(rows.map((r) => [r.startsOn, r]));
  const last = rows[rows.length - 1]!.startsOn;
  const out: R[] = [];
  for (let start = rows[0]!.startsOn; start <= last; start = nextStart(interval, start)) {
    out.push(byStart.get(start) ?? empty(start));
  }
  return out;
}
