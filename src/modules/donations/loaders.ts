import DataLoader from 'dataloader';
import type { Db } from '../../db/client';
import { donations } from '../../db/schema';
import { findDisbursementsByDonationIds, findDonationsByIds, summarizeDonationsByParent } from './store';

export const donationLoaders = (db: Db) => ({
  donationById: new DataLoader((ids: readonly string[]) => findDonationsByIds(db, ids)),
  disbursementsByDonationId: new DataLoader((ids: readonly string[]) => findDisbursementsByDonationIds(db, ids)),
  donationTotalsByDonorId: new DataLoader((ids: readonly string[]) =>
    summarizeDonationsByParent(db, donations.donorId, ids),
  ),
  donationTotalsByRecipientId: new DataLoader((ids: readonly string[]) =>
    summarizeDonationsByParent(db, donations.recipientId, ids),
  ),
  donationTotalsByProjectId: new DataLoader((ids: readonly string[]) =>
    summarizeDonationsByParent(db, donations.projectId, ids),
  ),
});
