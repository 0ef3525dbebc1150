import type {
  CorrectDonationInput,
  DonationPurpose,
  RecordDisbursementInput,
  RecordDonationInput,
} from '../../generated/graphql';
import { fen, readYuan, yuanOf } from '../money/yuan';
import { firstError, readId, readText } from '../mutations/inputs';
import { invalid, type UserErrorShape } from '../mutations/user-error';

/** A donation to record, its input read and checked on its own (references are checked against the database later). */
export interface DonationDraft {
  donorId: string;
  recipientId: string;
  projectId: string | null;
  purpose: DonationPurpose;
  pledgedOn: string;
  /** yuan, two decimals */
  total: string;
  cash: string | null;
  inKind: string | null;
  inKindDescription: string | null;
  note: string | null;
}

/** Free text on a record: a description or a note. */
const NOTE_CHARACTERS = 2_000;

/** `total`, `cash` and `inKind` as stored: both parts or neither, and the total their sum. */
export function readSplit(
  total: string,
  cash: string | null | undefined,
  inKind: string | null | undefined,
  prefix: string,
): { total: string; cash: string | null; inKind: string | null } | UserErrorShape {
  const t = readYuan(total, `${prefix}total`);
  const c = cash == null ? null : readYuan(cash, `${prefix}cash`);
  const k = inKind == null ? null : readYuan(inKind, `${prefix}inKind`);
  const error = firstError(t, c, k);
  if (error) return error;
  if ((c === null) !== (k === null)) {
    return invalid(`${prefix}${c === null ? 'cash' : 'inKind'}`, 'give cash and inKind together, or neither');
  }
  if (c !== null && fen(t as string) !== fen(c as string) + fen(k as string)) {
    return invalid(
      `${prefix}total`,
      `must equal cash + inKind (${yuanOf(fen(c as string) + fen(k as string))}), got ${t}`,
    );
  }
  return { total: t as string, cash: c as string | null, inKind: k as string | null };
}

function readNote(text: string | null | undefined, field: string): string | null | UserErrorShape {
  return text == null || text.trim() === '' ? null : readText(text, field, NOTE_CHARACTERS);
}

export function readDonationInput(input: RecordDonationInput, prefix: string): DonationDraft | UserErrorShape {
  const donorId = readId(input.donorId, 'Organization', `${prefix}donorId`);
  const recipientId = readId(input.recipientId, 'Organization', `${prefix}recipientId`);
  const projectId = input.projectId == null ? null : readId(input.projectId, 'Project', `${prefix}projectId`);
  const split = readSplit(input.total, input.cash, input.inKind, prefix);
  const inKindDescription = readNote(input.inKindDescription, `${prefix}inKindDescription`);
  const note = readNote(input.note, `${prefix}note`);
  const error = firstError(donorId, recipientId, projectId, split, inKindDescription, note);
  if (error) return error;
  return {
    donorId: donorId as string,
    recipientId: recipientId as string,
    projectId: projectId as string | null,
    purpose: input.purpose,
    pledgedOn: input.pledgedOn,
    ...(split as { total: string; cash: string | null; inKind: string | null }),
    inKindDescription: inKindDescription as string | null,
    note: note as string | null,
  };
}

/** A tranche to record. */
export interface DisbursementDraft {
  donationId: string;
  /** yuan, two decimals, more than 0 */
  amount: string;
  paidOn: string;
  note: string | null;
}

export function readDisbursementInput(
  input: RecordDisbursementInput,
  prefix: string,
): DisbursementDraft | UserErrorShape {
  const donationId = readId(input.donationId, 'Donation', `${prefix}donationId`);
  const amount = readYuan(input.amount, `${prefix}amount`, true);
  const note = readNote(input.note, `${prefix}note`);
  const error = firstError(donationId, amount, note);
  if (error) return error;
  return {
    donationId: donationId as string,
    amount: amount as string,
    paidOn: input.paidOn,
    note: note as string | null,
  };
}

/** A correction's changes, read: only the fields given, `null` where one is cleared. */
export interface DonationCorrection {
  recipientId?: string;
  projectId?: string | null;
  purpose?: DonationPurpose;
  pledgedOn?: string;
  total?: string;
  cash?: string | null;
  inKind?: string | null;
  inKindDescription?: string | null;
  note?: string | null;
}

/** The fields a correction changes; required fields may not be cleared. */
export function readCorrection(input: CorrectDonationInput): DonationCorrection | UserErrorShape {
  const out: DonationCorrection = {};
  for (const field of ['recipientId', 'purpose', 'pledgedOn', 'total'] as const) {
    if (input[field] === null) return invalid(`input.${field}`, 'cannot be cleared; omit it to keep it');
  }
  if (input.recipientId != null) {
    const id = readId(input.recipientId, 'Organization', 'input.recipientId');
    if (typeof id !== 'string') return id;
    out.recipientId = id;
  }
  if (input.projectId !== undefined) {
    const id = input.projectId === null ? null : readId(input.projectId, 'Project', 'input.projectId');
    if (id !== null && typeof id !== 'string') return id;
    out.projectId = id;
  }
  if (input.purpose != null) out.purpose = input.purpose;
  if (input.pledgedOn != null) out.pledgedOn = input.pledgedOn;
  for (const field of ['total', 'cash', 'inKind'] as const) {
    const value = input[field];
    if (value === undefined) continue;
    const read = value === null ? null : readYuan(value, `input.${field}`);
    if (read !== null && typeof read !== 'string') return read;
    // total was refused as null above
    out[field] = read as string;
  }
  for (const field of ['inKindDescription', 'note'] as const) {
    if (input[field] === undefined) continue;
    const read = readNote(input[field], `input.${field}`);
    if (read !== null && typeof read !== 'string') return read;
    out[field] = read;
  }
  return out;
}
