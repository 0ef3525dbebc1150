import type { disbursements, donations } from '../../db/schema';
import type { DonationDimension } from '../../generated/graphql';

export type DonationRow = typeof donations.$inferSelect;
export type DisbursementRow = typeof disbursements.$inferSelect;

/** Sums over a set of donations, as exact decimal strings of yuan. */
export interface DonationTotalsRow {
  donationCount: number;
  donorCount: number;
  total: string;
  cash: string;
  inKind: string;
  unsplitTotal: string;
  delivered: string;
  /** four decimals; null when nothing has a known split */
  inKindShare: string | null;
}

/** One group of `donationStats`; `key` is the raw grouping value (a row id for DONOR and RECIPIENT). */
export interface DonationGroupRow {
  dimension: DonationDimension;
  key: string | null;
  label: string | null;
  donationCount: number;
  total: string;
  cash: string;
  inKind: string;
}
