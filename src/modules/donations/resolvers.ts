import { donations } from '../../db/schema';
import { BadUserInputError, ForbiddenError } from '../../errors';
import type {
  DisbursementResolvers,
  DonationGroupResolvers,
  DonationResolvers,
  DonationSummaryResolvers,
  QueryResolvers,
  MutationResolvers,
  RecordDonationResultResolvers,
  RecordDisbursementResultResolvers,
  VerifyDonationResultResolvers,
  CorrectDonationResultResolvers,
  CancelDonationResultResolvers,
} from '../../generated/graphql';
import { history } from '../history/resolvers';
import { firstError, readId, readText } from '../mutations/inputs';
import { isUserError, successOrUserError } from '../mutations/user-error';
import { write } from '../mutations/write';
import { readCorrection, readDisbursementInput, readDonationInput, type DonationCorrection } from './validation';
import {
  cancelDonation,
  correctDonation,
  DONATION_CONSTRAINTS,
  recordDisbursements,
  recordDonations,
  verifyDonation,
} from './writes';
import { amount } from '../money/amount';
import { expectGlobalId, toGlobalId } from '../node/global-id';
import { valueLabel } from '../labels/value-label';
import { organizationNameEn } from '../organizations/english-name';
import { MAX_PAGE_SIZE } from '../pagination/arguments';
import { rootConnection } from '../pagination/lists';
import { askedFields, selectedColumns } from '../pagination/selection';
import { DONATION_FIELD_COLUMNS } from './mappers';
import { once } from '../pagination/connection';
import { countDonors, donationConditions, groupDonations, summarizeDonations, sumDonationsPerPeriod } from './store';
import { provenanceCounts } from '../statistics/provenance-counts';
import { donationTimeline } from './timeline';
import { GROUP_DIMENSION, grainAnswering } from '../statistics/donation-grains';
import { groupRollups, rollupConditions, summarizeRollups, sumRollupsPerPeriod } from '../statistics/store';
import { isUuid } from '../node/uuid';
import { DONATIONS } from './lists';

export const Query: QueryResolvers = {
  donation: (_root, { id }, ctx) => ctx.loaders.donationById.load(expectGlobalId(id, 'Donation', 'id')),
  donations: (_root, args, ctx, info) =>
    rootConnection(ctx.db, DONATIONS(args, ctx.regions), selectedColumns(info, donations, DONATION_FIELD_COLUMNS)),
  donationSummary: (_root, { filter }, ctx, info) => {
    const conditions = donationConditions(filter);
    const asked = askedFields(info);
    const grain = grainAnswering(filter);
    return {
      totals: once(() =>
        grain
          ? summarizeRollups(ctx.db, rollupConditions(grain, filter), asked)
          : summarizeDonations(ctx.db, conditions, asked),
      ),
      donorCount: once(() => countDonors(ctx.db, conditions)),
    };
  },
  donationStats: (_root, { groupBy, filter, first }, ctx, info) => {
    if (first != null && (first < 1 || first > MAX_PAGE_SIZE)) {
      throw new BadUserInputError('first', `must be between 1 and ${MAX_PAGE_SIZE}, got ${first}`);
    }
    const conditions = donationConditions(filter);
    const grain = grainAnswering(filter, GROUP_DIMENSION[groupBy]);
    return grain
      ? groupRollups(ctx.db, groupBy, rollupConditions(grain, filter), first ?? null, askedFields(info))
      : groupDonations(ctx.db, groupBy, conditions, first ?? null, askedFields(info));
  },
  donationTimeline: async (_root, { interval, filter }, ctx) => {
    const conditions = donationConditions(filter);
    const grain = grainAnswering(filter, 'month');
    const found = grain
      ? await sumRollupsPerPeriod(ctx.db, interval, rollupConditions(grain, filter))
      : await sumDonationsPerPeriod(ctx.db, interval, conditions);
    return donationTimeline(interval, found);
  },
};

export const Donation: DonationResolvers = {
  id: (d) => toGlobalId('Donation', d.id),
  donor: (d, _args, ctx) => (d.donorId ? ctx.loaders.organizationById.load(d.donorId) : null),
  recipient: (d, _args, ctx) => (d.recipientId ? ctx.loaders.organizationById.load(d.recipientId) : null),
  project: (d, _args, ctx) => (d.projectId ? ctx.loaders.projectById.load(d.projectId) : null),
  total: (d) => amount(d.total, d.currency),
  cash: (d) => amount(d.cash, d.currency),
  inKind: (d) => amount(d.inKind, d.currency),
  delivered: (d) => amount(d.delivered, d.currency),
  disbursements: (d, _args, ctx) => ctx.loaders.disbursementsByDonationId.load(d.id),
  provenance: (d) => d,
  history,
};

export const Mutation: MutationResolvers = {
  recordDonation: (_root, { input }, ctx) =>
    write(ctx, DONATION_CONSTRAINTS, async (tx, writer) => {
      const draft = readDonationInput(input, 'input.');
      if (isUserError(draft)) return draft;
      const [donation] = await recordDonations(tx, writer, [draft], 'input.');
      return isUserError(donation!) ? donation! : { donation: donation! };
    }),
  recordDisbursement: (_root, { input }, ctx) =>
    write(ctx, DONATION_CONSTRAINTS, async (tx, writer) => {
      const draft = readDisbursementInput(input, 'input.');
      if (isUserError(draft)) return draft;
      const [written] = await recordDisbursements(tx, writer, [draft], 'input.');
      return written!;
    }),
  verifyDonation: (_root, { input }, ctx) => {
    if (ctx.caller.key?.tier !== 'INTERNAL') {
      throw new ForbiddenError('Verifying donations is for INTERNAL keys only: staff check the receipts.');
    }
    return write(ctx, DONATION_CONSTRAINTS, async (tx, writer) => {
      const id = readId(input.id, 'Donation', 'input.id');
      if (isUserError(id)) return id;
      const donation = await verifyDonation(
        tx,
        writer,
        id,
        input.expectedVersion ?? null,
        input.reason?.trim() || null,
      );
      return isUserError(donation) ? donation : { donation };
    });
  },
  correctDonation: (_root, { input }, ctx) =>
    write(ctx, DONATION_CONSTRAINTS, async (tx, writer) => {
      const id = readId(input.id, 'Donation', 'input.id');
      const reason = readText(input.reason, 'input.reason', 2_000);
      const correction = readCorrection(input);
      const error = firstError(id, reason, correction);
      if (error) return error;
      const donation = await correctDonation(
        tx,
        writer,
        id as string,
        input.expectedVersion,
        reason as string,
        correction as DonationCorrection,
      );
      return isUserError(donation) ? donation : { donation };
    }),
  cancelDonation: (_root, { input }, ctx) =>
    write(ctx, DONATION_CONSTRAINTS, async (tx, writer) => {
      const id = readId(input.id, 'Donation', 'input.id');
      const reason = readText(input.reason, 'input.reason', 2_000);
      const error = firstError(id, reason);
      if (error) return error;
      const donation = await cancelDonation(tx, writer, id as string, input.expectedVersion, reason as string);
      return isUserError(donation) ? donation : { donation };
    }),
};

export const RecordDonationResult: RecordDonationResultResolvers = {
  __resolveType: successOrUserError('RecordDonationSuccess'),
};
export const RecordDisbursementResult: RecordDisbursementResultResolvers = {
  __resolveType: successOrUserError('RecordDisbursementSuccess'),
};
export const VerifyDonationResult: VerifyDonationResultResolvers = {
  __resolveType: successOrUserError('VerifyDonationSuccess'),
};
export const CorrectDonationResult: CorrectDonationResultResolvers = {
  __resolveType: successOrUserError('CorrectDonationSuccess'),
};
export const CancelDonationResult: CancelDonationResultResolvers = {
  __resolveType: successOrUserError('CancelDonationSuccess'),
};

export const Disbursement: DisbursementResolvers = {
  amount: (d) => amount(d.amount),
};

export const DonationSummary: DonationSummaryResolvers = {
  donationCount: async (s) => (await s.totals()).donationCount,
  donorCount: (s) => s.donorCount(),
  total: async (s) => amount((await s.totals()).total),
  cash: async (s) => amount((await s.totals()).cash),
  inKind: async (s) => amount((await s.totals()).inKind),
  unsplitTotal: async (s) => amount((await s.totals()).unsplitTotal),
  delivered: async (s) => amount((await s.totals()).delivered),
  inKindShare: async (s) => (await s.totals()).inKindShare,
  provenanceCounts: async (s) => provenanceCounts(await s.totals()),
};

export const DonationGroup: DonationGroupResolvers = {
  key: (g) =>
    (g.dimension === 'DONOR' || g.dimension === 'RECIPIENT') && g.key !== null
      ? isUuid(g.key)
        ? toGlobalId('Organization', g.key)
        : null
      : g.key,
  label: (g, { language }, ctx) => {
    if (g.key === null) return g.label;
    switch (g.dimension) {
      case 'DONOR':
      case 'RECIPIENT':
        return g.label === null ? g.key : language === 'EN' ? organizationNameEn(g.label) : g.label;
      case 'DONOR_TYPE':
        return valueLabel('ORGANIZATION_TYPE', g.key, language, ctx.regions);
      case 'DONOR_INDUSTRY':
        return valueLabel('INDUSTRY', g.key, language, ctx.regions);
      case 'PURPOSE':
        return valueLabel('DONATION_PURPOSE', g.key, language, ctx.regions);
      case 'STATUS':
        return valueLabel('DONATION_STATUS', g.key, language, ctx.regions);
      case 'PROVINCE':
        return valueLabel('PROVINCE', g.key, language, ctx.regions);
      default:
        return g.key;
    }
  },
  total: (g) => amount(g.total),
  cash: (g) => amount(g.cash),
  inKind: (g) => amount(g.inKind),
  unsplitTotal: (g) => amount(g.unsplitTotal),
  provenanceCounts: (g) => provenanceCounts(g),
};
