import { sql } from 'drizzle-orm';
import { char, check, date, index, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { id, provenance, timestamps, version, yuan } from './columns';
import { organizations, organizationType } from './organizations';
import { projects } from './projects';

export const donationPurpose = pgEnum('donation_purpose', [
  'EPIDEMIC_RESPONSE',
  'POVERTY_ALLEVIATION',
  'DISASTER_RELIEF',
  'EDUCATION',
  'HEALTH',
  'ELDERLY_CARE',
  'CHILD_WELFARE',
  'COMMUNITY_DEVELOPMENT',
  'ENVIRONMENT',
  'CULTURE',
  'GENERAL',
]);

/** Pledged (宣布/承诺) → delivered → verified by receipts (票据) and public notice (公示). */
export const donationStatus = pgEnum('donation_status', [
  'PLEDGED',
  'PARTIALLY_DELIVERED',
  'DELIVERED',
  'VERIFIED',
  'CANCELLED',
]);

/**
 * A gift of money and/or goods. The database holds total = cash + in_kind wherever the split is known;
 * where a source gives only the total, cash and in_kind are both null and total is stored as given.
 */
export const donations = pgTable(
  'donations',
  {
    id: id(),
    /** null for a donor that is not an organization in this dataset (a person, an anonymous giver) */
    donorId: uuid('donor_id').references(() => organizations.id, { onDelete: 'restrict' }),
    donorName: text('donor_name').notNull(),
    /**
     * The donor organization's type and GB/T 4754 section, copied from it so that the donor filters
     * read this table's indexes instead of joining every donor; null where the donor is not one.
     * Triggers keep them (migrations/0011_donation_donor_upkeep.sql): set from the donor when a
     * donation is written, and again on every donation of an organization whose type or industry changes.
     */
    donorType: organizationType('donor_type'),
    donorIndustry: char('donor_industry', { length: 1 }),
    recipientId: uuid('recipient_id').references(() => organizations.id, { onDelete: 'restrict' }),
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'restrict' }),
    purpose: donationPurpose('purpose').notNull(),
    status: donationStatus('status').notNull(),
    pledgedOn: date('pledged_on'),
    deliveredOn: date('delivered_on'),
    currency: char('currency', { length: 3 }).notNull().default('CNY'),
    /** yuan: 现金及有价证券, cash and securities */
    cash: yuan('cash'),
    /** yuan: 物资, goods in kind at their declared value */
    inKind: yuan('in_kind'),
    /** yuan: cash + in_kind, or the reported total where the split is unknown */
    total: yuan('total').notNull(),
    /** yuan actually arrived */
    delivered: yuan('delivered').notNull().default('0'),
    inKindDescription: text('in_kind_description'),
    /** whoever recorded it, for readers of the record */
    note: text('note'),
    ...provenance(),
    ...timestamps(),
    ...version(),
  },
  (t) => [
    check('donations_cash_not_negative', sql`${t.cash} >= 0`),
    check('donations_in_kind_not_negative', sql`${t.inKind} >= 0`),
    check('donations_total_not_negative', sql`${t.total} >= 0`),
    check('donations_split_known_together', sql`(${t.cash} is null) = (${t.inKind} is null)`),
    check('donations_total_is_cash_plus_in_kind', sql`${t.cash} is null or ${t.total} = ${t.cash} + ${t.inKind}`),
    check('donations_delivered_within_total', sql`${t.delivered} >= 0 and ${t.delivered} <= ${t.total}`),
    check('donations_delivered_after_pledged', sql`${t.deliveredOn} >= ${t.pledgedOn}`),
    check(
      'donations_has_party',
      sql`${t.donorId} is not null or ${t.recipientId} is not null or ${t.projectId} is not null or ${t.donorName} <> ''`,
    ),
    index('donations_pledged_on_id_idx').on(sql`coalesce(${t.pledgedOn}, '-infinity'::date)`, t.id),
    index('donations_total_id_idx').on(t.total, t.id),
    index('donations_created_at_id_idx').on(t.createdAt, t.id),
    index('donations_project_id_pledged_on_id_idx').on(
      t.projectId,
      sql`coalesce(${t.pledgedOn}, '-infinity'::date)`,
      t.id,
    ),
    index('donations_donor_id_pledged_on_id_idx').on(t.donorId, sql`coalesce(${t.pledgedOn}, '-infinity'::date)`, t.id),
    index('donations_recipient_id_pledged_on_id_idx').on(
      t.recipientId,
      sql`coalesce(${t.pledgedOn}, '-infinity'::date)`,
      t.id,
    ),
    // a parent's donations by amount (Organization.donationsGiven and donationsReceived, Project.donations
    // ordered by TOTAL): the page's few rows, not every donation of the parent read and sorted. The
    // columns after id order nothing (id is unique): they hold what a parent's donationSummary sums,
    // so it is read from the index alone (5,195 donations of one donor: 1.5 ms instead of 7.5 ms of
    // heap reads); Drizzle's index builder has no INCLUDE
    ...(['projectId', 'donorId', 'recipientId'] as const).map((parent) =>
      index(`donations_${t[parent].name}_total_id_idx`).on(
        t[parent],
        t.total,
        t.id,
        t.cash,
        t.inKind,
        t.delivered,
        t.provenanceKind,
      ),
    ),
    // one per filter: a filtered page's plan has an index to read instead of the whole table
    index('donations_status_idx').on(t.status),
    index('donations_purpose_idx').on(t.purpose),
    index('donations_donor_type_idx').on(t.donorType),
    index('donations_donor_industry_idx').on(t.donorIndustry),
    index('donations_provenance_kind_idx').on(t.provenanceKind),
    // the date filter's range, counted from the index alone (an expression index cannot be)
    index('donations_pledged_on_idx').on(t.pledgedOn),
    /** the records citing a source (`Source.supports`); generated rows cite none */
    index('donations_source_id_idx')
      .on(t.sourceId)
      .where(sql`${t.sourceId} is not null`),
  ],
);

/** A tranche of a donation that arrived, with its date; part of the donation it belongs to. */
export const disbursements = pgTable(
  'disbursements',
  {
    id: id(),
    donationId: uuid('donation_id')
      .notNull()
      .references(() => donations.id, { onDelete: 'cascade' }),
    /** yuan, exact, positive */
    amount: yuan('amount').notNull(),
    disbursedOn: date('disbursed_on').notNull(),
    description: text('description'),
    ...provenance(),
    ...timestamps(),
  },
  (t) => [
    check('disbursements_amount_positive', sql`${t.amount} > 0`),
    index('disbursements_donation_id_disbursed_on_idx').on(t.donationId, t.disbursedOn, t.id),
  ],
);
