import DataLoader from 'dataloader';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { donations } from '../../db/schema';
import type { DonationSummaryParent } from './mappers';
import {
  countDonorsByParent,
  findDisbursementsByDonationIds,
  findDonationsByIds,
  summarizeDonationsByParent,
} from './store';

/** Sums and donor counts of the donations under each parent id, batched separately. */
function summaryLoaders(db: Db, parent: PgColumn) {
  return {
    totals: new DataLoader((ids: readonly string[]) => summarizeDonationsByParent(db, parent, ids)),
    donorCounts: new DataLoader((ids: readonly string[]) => countDonorsByParent(db, parent, ids)),
  };
}

/** A parent's DonationSummary from its loaders. */
export function summaryOf(loaders: ReturnType<typeof summaryLoaders>, parentId: string): DonationSummaryParent {
  return { totals: () => loaders.totals.load(parentId), donorCount: () => loaders.donorCounts.load(parentId) };
}

export const donationLoaders = (db: Db) => ({
  donationById: new DataLoader((ids: readonly string[]) => findDonationsByIds(db, ids)),
  disbursementsByDonationId: new DataLoader((ids: readonly string[]) => findDisbursementsByDonationIds(db, ids)),
  donationSummaryByDonorId: summaryLoaders(db, donations.donorId),
  donationSummaryByRecipientId: summaryLoaders(db, donations.recipientId),
  donationSummaryByProjectId: summaryLoaders(db, donations.projectId),
});
