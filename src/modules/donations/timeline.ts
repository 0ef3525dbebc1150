import type { DonationPeriod, TimeInterval } from '../../generated/graphql';
import { amount } from '../money/amount';
import { fen, yuanOf } from '../money/yuan';
import { everyPeriod, period } from '../statistics/periods';
import { NO_RECORDS, provenanceCounts } from '../statistics/provenance-counts';
import type { DonationPeriodRow } from './mappers';

const emptyPeriod = (startsOn: string): DonationPeriodRow => ({
  startsOn,
  donationCount: 0,
  total: '0.00',
  cash: '0.00',
  inKind: '0.00',
  unsplitTotal: '0.00',
  ...NO_RECORDS,
});

/** A donation timeline from per-period sums (oldest first): gaps filled, running totals added exactly, in fen. */
export function donationTimeline(interval: TimeInterval, rows: readonly DonationPeriodRow[]): DonationPeriod[] {
  let count = 0;
  let total = 0n;
  return everyPeriod(interval, rows, emptyPeriod).map((r) => {
    count += r.donationCount;
    total += fen(r.total);
    return {
      ...period(interval, r.startsOn),
      donationCount: r.donationCount,
      total: amount(r.total),
      cash: amount(r.cash),
      inKind: amount(r.inKind),
      unsplitTotal: amount(r.unsplitTotal),
      provenanceCounts: provenanceCounts(r),
      cumulativeDonationCount: count,
      cumulativeTotal: amount(yuanOf(total)),
    };
  });
}
