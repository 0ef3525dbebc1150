import type { PeriodRow } from '../statistics/periods';
import type { ProvenanceCountsRow } from '../statistics/provenance-counts';
import type { disbursements, donations } from '../../db/schema';
import type { Donation, DonationDimension } from '../../generated/graphql';
import type { FieldColumns } from '../pagination/selection';

export type DonationRow = typeof donations.$inferSelect;

/** What each Donation field reads of its row; lists of donations select only these. */
export const DONATION_FIELD_COLUMNS: FieldColumns<Donation, DonationRow> = {
  id: ['id'],
  donor: ['donorId'],
  donorName: ['donorName'],
  recipient: ['recipientId'],
  project: ['projectId'],
  purpose: ['purpose'],
  status: ['status'],
  pledgedOn: ['pledgedOn'],
  deliveredOn: ['deliveredOn'],
  total: ['total', 'currency'],
  cash: ['cash', 'currency'],
  inKind: ['inKind', 'currency'],
  inKindDescription: ['inKindDescription'],
  delivered: ['delivered', 'currency'],
  disbursements: ['id'],
  provenance: ['provenanceKind', 'sourceId'],
  createdAt: ['createdAt'],
  updatedAt: ['updatedAt'],
  note: ['note'],
  version: ['version'],
  history: ['id'],
};
export type DisbursementRow = typeof disbursements.$inferSelect;

/** Sums over a set of donations, as exact decimal strings of yuan; a root summary sums only the fields asked of it. */
export interface DonationTotalsRow extends ProvenanceCountsRow {
  donationCount: number;
  total: string;
  cash: string;
  inKind: string;
  unsplitTotal: string;
  delivered: string;
  /** four decimals; null when nothing has a known split */
  inKindShare: string | null;
}

/**
 * A `DonationSummary`: its sums and its donor count are separate statements, each run only when
 * one of its fields is asked for (counting distinct donors over millions of rows is a sort).
 */
export interface DonationSummaryParent {
  totals: () => Promise<DonationTotalsRow>;
  donorCount: () => Promise<number>;
}

/**
 * One group of `donationStats`; `key` is the raw grouping value (a row id for DONOR and RECIPIENT).
 * Beyond the count and total, its sums are taken only when asked for.
 */
export interface DonationGroupRow extends ProvenanceCountsRow {
  dimension: DonationDimension;
  key: string | null;
  label: string | null;
  donationCount: number;
  total: string;
  cash: string;
  inKind: string;
  unsplitTotal: string;
}

/** Sums over the donations pledged in one period of a timeline, as exact decimal strings of yuan. */
export interface DonationPeriodRow extends PeriodRow, ProvenanceCountsRow {
  donationCount: number;
  total: string;
  cash: string;
  inKind: string;
  unsplitTotal: string;
}

/** The success of a mutation that writes a donation. */
export interface DonationWritten {
  donation: DonationRow;
}

/** A tranche recorded, and its donation as it left it. */
export interface DisbursementWritten {
  disbursement: DisbursementRow;
  donation: DonationRow;
}
