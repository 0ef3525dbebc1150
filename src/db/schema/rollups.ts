import { bigint, boolean, char, date, index, numeric, pgTable, smallint, unique, uuid } from 'drizzle-orm/pg-core';
import { provenanceKind } from './columns';
import { donationPurpose, donationStatus } from './donations';
import { evaluationGrade, organizationType, registrationStatus } from './organizations';
import { trainingFormat } from './training-sessions';

/** yuan summed over many donations: numeric(18,2) values summed stay exact in numeric(20,2) up to 100 × the largest. */
const yuanSum = (name: string) => numeric(name, { precision: 20, scale: 2 }).notNull();

/**
 * Which dimensions each grain of `donation_rollups` keeps; the others are null in its rows.
 * Every grain keeps the provenance kind. The migration that creates this table fills it;
 * `src/modules/statistics/donation-grains.ts` holds the same list for reads, and a test checks they agree.
 */
export const donationRollupGrains = pgTable('donation_rollup_grains', {
  grain: smallint('grain').primaryKey(),
  byPurpose: boolean('by_purpose').notNull(),
  byStatus: boolean('by_status').notNull(),
  byDonorType: boolean('by_donor_type').notNull(),
  byDonorIndustry: boolean('by_donor_industry').notNull(),
  byProvince: boolean('by_province').notNull(),
  byMonth: boolean('by_month').notNull(),
  byDonor: boolean('by_donor').notNull().default(false),
});

/** The dimensions of a donation that rollups group by, beside the provenance kind. */
const donationDimensions = () => ({
  provenanceKind: provenanceKind('provenance_kind').notNull(),
  purpose: donationPurpose('purpose'),
  status: donationStatus('status'),
  /** the donor organization's type; null where the donor is not one */
  donorType: organizationType('donor_type'),
  /** the donor organization's GB/T 4754 section */
  donorIndustry: char('donor_industry', { length: 1 }),
  /** GB/T 2260 province code (`xx0000`) of the recipient, or else of the project */
  province: char('province', { length: 6 }),
  /** the first day of the month pledged */
  month: date('month', { mode: 'string' }),
  /** the donor organization; null where the donor is not one (named only) */
  donorId: uuid('donor_id'),
});

/** Exact sums of a set of donations; yuan. */
const donationSums = () => ({
  donationCount: bigint('donation_count', { mode: 'number' }).notNull(),
  total: yuanSum('total'),
  /** cash over the donations whose split is known */
  cash: yuanSum('cash'),
  /** goods in kind over the donations whose split is known */
  inKind: yuanSum('in_kind'),
  /** totals of the donations whose split is not known */
  unsplitTotal: yuanSum('unsplit_total'),
  delivered: yuanSum('delivered'),
});

/**
 * Donations summed per grain and key, exact to the fen. Maintained by triggers on donations,
 * organizations and projects (migrations/0006_donation_rollup_triggers.sql): each statement stages
 * its deltas in `donation_rollup_deltas`, and the transaction folds them in here as it commits,
 * under the commit lock the change feed takes, so writers never deadlock on a hot row and no
 * update is lost. A key whose donations have all gone keeps a row with a count of 0.
 */
export const donationRollups = pgTable(
  'donation_rollups',
  {
    grain: smallint('grain')
      .notNull()
      .references(() => donationRollupGrains.grain, { onDelete: 'restrict' }),
    ...donationDimensions(),
    ...donationSums(),
  },
  (t) => [
    unique('donation_rollups_key')
      .on(t.grain, t.provenanceKind, t.purpose, t.status, t.donorType, t.donorIndustry, t.province, t.month, t.donorId)
      .nullsNotDistinct(),
    // one donor's rows of the donor grain (a donor's donationSummary), not every row of the grain
    index('donation_rollups_grain_donor_id_idx').on(t.grain, t.donorId),
    // a grain's months in a range (a list's totalCount or a timeline over some months): the key
    // leads with provenance and purpose, so without this every row of the grain is read
    index('donation_rollups_grain_month_idx').on(t.grain, t.month),
  ],
);

/** One transaction's not yet folded changes to donations' sums, at the finest grain, signed. */
export const donationRollupDeltas = pgTable(
  'donation_rollup_deltas',
  {
    /** pg_current_xact_id() of the writing transaction */
    transactionId: bigint('transaction_id', { mode: 'bigint' }).notNull(),
    ...donationDimensions(),
    ...donationSums(),
  },
  (t) => [index('donation_rollup_deltas_transaction_id_idx').on(t.transactionId)],
);

/** Transactions with staged deltas, one row each; its insert's deferred trigger folds them at commit. */
export const donationRollupCommits = pgTable('donation_rollup_commits', {
  transactionId: bigint('transaction_id', { mode: 'bigint' }).primaryKey(),
});

/**
 * Organizations counted per provenance kind, type, registration status, province and evaluation
 * grade, kept by statement triggers on organizations (migrations/0008_organization_rollup_triggers.sql).
 * Organizations are written by the seed and loads only, so the triggers apply their deltas at once,
 * in key order, rather than at commit as donations' do.
 */
export const organizationRollups = pgTable(
  'organization_rollups',
  {
    provenanceKind: provenanceKind('provenance_kind').notNull(),
    type: organizationType('type').notNull(),
    registrationStatus: registrationStatus('registration_status').notNull(),
    /** GB/T 2260 province code (`xx0000`) of the organization's region */
    province: char('province', { length: 6 }),
    evaluationGrade: evaluationGrade('evaluation_grade'),
    organizationCount: bigint('organization_count', { mode: 'number' }).notNull(),
  },
  (t) => [
    unique('organization_rollups_key')
      .on(t.provenanceKind, t.type, t.registrationStatus, t.province, t.evaluationGrade)
      .nullsNotDistinct(),
  ],
);

/** The dimensions of a training session that rollups group by, beside the provenance kind. */
const trainingDimensions = () => ({
  provenanceKind: provenanceKind('provenance_kind').notNull(),
  format: trainingFormat('format'),
  /** GB/T 2260 province code (`xx0000`) of the session's region */
  province: char('province', { length: 6 }),
  /** the first day of the month the session started */
  month: date('month', { mode: 'string' }),
});

/** Sessions and the person-times they trained. */
const trainingSums = () => ({
  sessionCount: bigint('session_count', { mode: 'number' }).notNull(),
  personTimes: bigint('person_times', { mode: 'number' }).notNull(),
});

/**
 * Training sessions summed per grain and key, for `trainingProgress` and `trainingTimeline` without
 * reading every session; the grains are src/modules/statistics/training-grains.ts's, written into
 * the fold (migrations/0024_training_rollup_triggers.sql). Kept as donations' are: statement triggers on
 * training_sessions stage signed deltas, and the transaction folds them in at commit under the
 * change feed's commit lock, so concurrent writers of the same key neither deadlock nor lose one.
 */
export const trainingRollups = pgTable(
  'training_rollups',
  {
    grain: smallint('grain').notNull(),
    ...trainingDimensions(),
    ...trainingSums(),
  },
  (t) => [
    unique('training_rollups_key').on(t.grain, t.provenanceKind, t.format, t.province, t.month).nullsNotDistinct(),
  ],
);

/** One transaction's not yet folded changes to training sessions' sums, at the finest grain, signed. */
export const trainingRollupDeltas = pgTable(
  'training_rollup_deltas',
  {
    /** pg_current_xact_id() of the writing transaction */
    transactionId: bigint('transaction_id', { mode: 'bigint' }).notNull(),
    ...trainingDimensions(),
    ...trainingSums(),
  },
  (t) => [index('training_rollup_deltas_transaction_id_idx').on(t.transactionId)],
);

/** Transactions with staged training deltas, one row each; its insert's deferred trigger folds them at commit. */
export const trainingRollupCommits = pgTable('training_rollup_commits', {
  transactionId: bigint('transaction_id', { mode: 'bigint' }).primaryKey(),
});
