import type { Db } from '../../db/client';
import { insertRecordChanges, type RecordVersion } from '../history/store';
import { fieldChanges, idField, type HistoryFields } from '../history/changes';
import { fen, yuanOf } from '../money/yuan';
import { invalid, notFound, versionConflict, type UserErrorShape } from '../mutations/user-error';
import { ownershipError, type Writer } from '../mutations/writer';
import { findOrganizationNames } from '../organizations/store';
import { findProjectOrganizations } from '../projects/store';
import { submissionSourceId } from '../provenance/store';
import type { DisbursementRow, DonationRow } from './mappers';
import { insertDisbursements, insertDonations, lockDonations, updateDonation, updateDonationDeliveries } from './store';
import type { DisbursementDraft, DonationCorrection, DonationDraft } from './validation';
import { readSplit } from './validation';

/** What a donation's history shows, by field name. */
const DONATION_HISTORY: HistoryFields<DonationRow> = {
  donor: idField('Organization', (d) => d.donorId),
  donorName: (d) => d.donorName,
  recipient: idField('Organization', (d) => d.recipientId),
  project: idField('Project', (d) => d.projectId),
  purpose: (d) => d.purpose,
  status: (d) => d.status,
  pledgedOn: (d) => d.pledgedOn,
  deliveredOn: (d) => d.deliveredOn,
  total: (d) => d.total,
  cash: (d) => d.cash,
  inKind: (d) => d.inKind,
  inKindDescription: (d) => d.inKindDescription,
  delivered: (d) => d.delivered,
  note: (d) => d.note,
};

/** Database constraints of donations and the input field each speaks of. */
export const DONATION_CONSTRAINTS: Record<string, UserErrorShape> = {
  donations_delivered_after_pledged: invalid('input.pledgedOn', 'must not be after the day it was delivered'),
  donations_delivered_within_total: invalid('input.total', 'must not be below what has been delivered'),
  donations_total_is_cash_plus_in_kind: invalid('input.total', 'must equal cash + inKind'),
  donations_split_known_together: invalid('input.cash', 'give cash and inKind together, or neither'),
};

const versionOf = (
  d: DonationRow,
  action: RecordVersion['action'],
  before: DonationRow | null,
  reason?: string | null,
): RecordVersion => ({
  entity: 'DONATION',
  recordId: d.id,
  version: d.version,
  action,
  reason,
  changes: fieldChanges(DONATION_HISTORY, before, d),
});

/** Where a donation stands once `delivered` of `total` has arrived. */
function deliveryStatus(delivered: string, total: string): DonationRow['status'] {
  if (fen(delivered) === 0n && fen(total) > 0n) return 'PLEDGED';
  return fen(delivered) >= fen(total) ? 'DELIVERED' : 'PARTIALLY_DELIVERED';
}

/**
 * Records donations, each checked against the database first: the donor and recipient exist, the
 * donor is the writer's own organization (PARTNER), the project is the recipient's. One result
 * per draft, in order: the donation written, or the UserError (fields under `prefix`) of a draft
 * written nothing. Multi-row statements, however many drafts.
 */
export async function recordDonations(
  tx: Db,
  writer: Writer,
  drafts: readonly DonationDraft[],
  prefix: string,
): Promise<(DonationRow | UserErrorShape)[]> {
  const names = await findOrganizationNames(
    tx,
    drafts.flatMap((d) => [d.donorId, d.recipientId]),
  );
  const projectOwners = await findProjectOrganizations(
    tx,
    drafts.flatMap((d) => (d.projectId ? [d.projectId] : [])),
  );
  const checked = drafts.map((d): DonationDraft | UserErrorShape => {
    if (!names.has(d.donorId)) return notFound(`${prefix}donorId`, 'no organization has this ID');
    const foreign = ownershipError(writer, d.donorId, `${prefix}donorId`);
    if (foreign) return foreign;
    if (!names.has(d.recipientId)) return notFound(`${prefix}recipientId`, 'no organization has this ID');
    if (d.projectId !== null) {
      const owner = projectOwners.get(d.projectId);
      if (owner === undefined) return notFound(`${prefix}projectId`, 'no project has this ID');
      if (owner !== d.recipientId) return invalid(`${prefix}projectId`, 'is not a project of the recipient');
    }
    return d;
  });
  const good = checked.filter((d): d is DonationDraft => !('code' in d));
  if (good.length === 0) return checked as UserErrorShape[];
  const sourceId = await submissionSourceId(tx, writer);
  const written = await insertDonations(
    tx,
    good.map((d) => ({
      ...d,
      donorName: names.get(d.donorId)!,
      status: 'PLEDGED' as const,
      provenanceKind: 'SUBMITTED' as const,
      sourceId,
    })),
  );
  await insertRecordChanges(
    tx,
    writer,
    written.map((d) => versionOf(d, 'CREATED', null)),
  );
  let next = 0;
  return checked.map((d) => ('code' in d ? d : written[next++]!));
}

/** A donation that `writer` may change, locked; or why not. */
async function changeable(tx: Db, writer: Writer, id: string, field: string): Promise<DonationRow | UserErrorShape> {
  const donation = (await lockDonations(tx, [id])).get(id);
  if (!donation) return notFound(field, 'no donation has this ID');
  return ownershipError(writer, donation.donorId, field) ?? donation;
}

/**
 * Records tranches, in order: each adds to its donation's `delivered` (never beyond `total`),
 * moves it to PARTIALLY_DELIVERED or DELIVERED and makes a new version. The donations are
 * locked first, so concurrent tranches of one donation queue rather than overshoot.
 */
export async function recordDisbursements(
  tx: Db,
  writer: Writer,
  drafts: readonly DisbursementDraft[],
  prefix: string,
): Promise<({ disbursement: DisbursementRow; donation: DonationRow } | UserErrorShape)[]> {
  const locked = await lockDonations(
    tx,
    drafts.map((d) => d.donationId),
  );
  const current = new Map(locked);
  const versions: RecordVersion[] = [];
  const checked = drafts.map((d): { draft: DisbursementDraft; donation: DonationRow } | UserErrorShape => {
    const before = current.get(d.donationId);
    if (!before) return notFound(`${prefix}donationId`, 'no donation has this ID');
    const foreign = ownershipError(writer, before.donorId, `${prefix}donationId`);
    if (foreign) return foreign;
    if (before.status === 'CANCELLED' || before.status === 'VERIFIED') {
      return invalid(`${prefix}donationId`, `is ${before.status.toLowerCase()}; nothing more can arrive`);
    }
    if (before.pledgedOn !== null && d.paidOn < before.pledgedOn) {
      return invalid(`${prefix}paidOn`, `must not be before the pledge on ${before.pledgedOn}, got ${d.paidOn}`);
    }
    const outstanding = fen(before.total) - fen(before.delivered);
    if (fen(d.amount) > outstanding) {
      return invalid(
        `${prefix}amount`,
        `exceeds what is outstanding: ${yuanOf(outstanding)} of ${before.total} yuan, got ${d.amount}`,
      );
    }
    const delivered = yuanOf(fen(before.delivered) + fen(d.amount));
    const status = deliveryStatus(delivered, before.total);
    const after: DonationRow = {
      ...before,
      delivered,
      status,
      deliveredOn: status === 'DELIVERED' ? d.paidOn : before.deliveredOn,
      version: before.version + 1,
    };
    current.set(d.donationId, after);
    versions.push(versionOf(after, 'DISBURSED', before, d.note));
    return { draft: d, donation: after };
  });
  const good = checked.filter((c): c is { draft: DisbursementDraft; donation: DonationRow } => !('code' in c));
  if (good.length === 0) return checked as UserErrorShape[];
  const sourceId = await submissionSourceId(tx, writer);
  const tranches = await insertDisbursements(
    tx,
    good.map(({ draft }) => ({
      donationId: draft.donationId,
      amount: draft.amount,
      disbursedOn: draft.paidOn,
      description: draft.note,
      provenanceKind: 'SUBMITTED' as const,
      sourceId,
    })),
  );
  const changed = [...new Set(good.map((g) => g.donation.id))].map((id) => current.get(id)!);
  const written = await updateDonationDeliveries(tx, changed);
  await insertRecordChanges(tx, writer, versions);
  let next = 0;
  return checked.map((c) => {
    if ('code' in c) return c;
    const disbursement = tranches[next++]!;
    // the donation as the last tranche of this batch left it; one tranche per mutation in practice
    return { disbursement, donation: written.get(disbursement.donationId)! };
  });
}

/** Marks a DELIVERED donation VERIFIED; INTERNAL keys only (checked by the caller). */
export async function verifyDonation(
  tx: Db,
  writer: Writer,
  id: string,
  expectedVersion: number | null,
  reason: string | null,
): Promise<DonationRow | UserErrorShape> {
  const before = await changeable(tx, writer, id, 'input.id');
  if ('code' in before) return before;
  if (expectedVersion !== null && before.version !== expectedVersion)
    return versionConflict(expectedVersion, before.version);
  if (before.status !== 'DELIVERED') {
    return invalid('input.id', `is ${before.status}; only a DELIVERED donation can be verified`);
  }
  return change(tx, writer, before, { status: 'VERIFIED' }, 'VERIFIED', reason);
}

/** Cancels a donation that is not cancelled already; nothing is deleted. */
export async function cancelDonation(
  tx: Db,
  writer: Writer,
  id: string,
  expectedVersion: number,
  reason: string,
): Promise<DonationRow | UserErrorShape> {
  const before = await changeable(tx, writer, id, 'input.id');
  if ('code' in before) return before;
  if (before.version !== expectedVersion) return versionConflict(expectedVersion, before.version);
  if (before.status === 'CANCELLED') return invalid('input.id', 'is cancelled already');
  return change(tx, writer, before, { status: 'CANCELLED' }, 'CANCELLED', reason);
}

/**
 * Corrects a donation as a new version: the money stays consistent (`total = cash + inKind`, not
 * below `delivered`), a verified donation returns to its delivery status (to be verified again),
 * and a new recipient or project is checked as when recording.
 */
export async function correctDonation(
  tx: Db,
  writer: Writer,
  id: string,
  expectedVersion: number,
  reason: string,
  correction: DonationCorrection,
): Promise<DonationRow | UserErrorShape> {
  const before = await changeable(tx, writer, id, 'input.id');
  if ('code' in before) return before;
  if (before.version !== expectedVersion) return versionConflict(expectedVersion, before.version);
  if (before.status === 'CANCELLED') return invalid('input.id', 'is cancelled; a cancelled donation is not corrected');
  const merged = { ...before, ...correction };
  const split = readSplit(merged.total, merged.cash, merged.inKind, 'input.');
  if ('code' in split) return split;
  if (fen(split.total) < fen(before.delivered)) {
    return invalid(
      'input.total',
      `must not be below what has been delivered (${before.delivered}), got ${split.total}`,
    );
  }
  if (merged.recipientId !== null && !(await findOrganizationNames(tx, [merged.recipientId])).has(merged.recipientId)) {
    return notFound('input.recipientId', 'no organization has this ID');
  }
  if (merged.projectId != null) {
    const owner = (await findProjectOrganizations(tx, [merged.projectId])).get(merged.projectId);
    if (owner === undefined) return notFound('input.projectId', 'no project has this ID');
    if (owner !== merged.recipientId) return invalid('input.projectId', 'is not a project of the recipient');
  }
  return change(
    tx,
    writer,
    before,
    { ...correction, ...split, status: deliveryStatus(before.delivered, split.total) },
    'CORRECTED',
    reason,
  );
}

/** Writes `fields` over `before` as its next version, with its history. */
async function change(
  tx: Db,
  writer: Writer,
  before: DonationRow,
  fields: Partial<DonationRow>,
  action: RecordVersion['action'],
  reason: string | null,
): Promise<DonationRow> {
  const after = await updateDonation(tx, { ...before, ...fields, version: before.version + 1 });
  await insertRecordChanges(tx, writer, [versionOf(after, action, before, reason)]);
  return after;
}
