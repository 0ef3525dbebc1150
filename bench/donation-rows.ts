/**
 * The donations the write side writes, row `i` the same whichever path writes it: as
 * `recordDonation`'s input, as a line of the import's CSV, and as the floor's COPY lines of
 * `donations` and `record_changes`.
 */
import { toGlobalId } from '../src/modules/node/global-id';

/** Who gives, who receives and which of the recipient's projects, by row id. */
export interface Parties {
  donorId: string;
  donorName: string;
  recipientId: string;
  projectId: string;
}

const PURPOSES = ['EDUCATION', 'HEALTH', 'DISASTER_RELIEF', 'ELDERLY_CARE', 'CHILD_WELFARE', 'ENVIRONMENT'] as const;
const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2024, 0, 1);

/** Row `i`'s fields, in `recordDonation`'s terms; money in yuan as exact decimal text. */
export function donationRow(i: number) {
  const cashFen = 100_000 + ((i * 7_919) % 9_000_000);
  const inKindFen = i % 3 === 0 ? 50_000 + ((i * 104_729) % 2_000_000) : 0;
  const yuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
  return {
    purpose: PURPOSES[i % PURPOSES.length]!,
    pledgedOn: new Date(FIRST_DAY + (i % 700) * DAY_MS).toISOString().slice(0, 10),
    total: yuan(cashFen + inKindFen),
    cash: yuan(cashFen),
    inKind: yuan(inKindFen),
    inKindDescription: inKindFen ? '羽绒服 and school supplies' : null,
    note: `bench row ${i}`,
  };
}

/** `recordDonation`'s input for row `i`, with global IDs. */
export function donationInput(parties: Parties, i: number): Record<string, string | null> {
  return {
    donorId: toGlobalId('Organization', parties.donorId),
    recipientId: toGlobalId('Organization', parties.recipientId),
    projectId: toGlobalId('Project', parties.projectId),
    ...donationRow(i),
  };
}

/** The import's CSV columns: `recordDonation`'s input fields. */
export const CSV_COLUMNS = [
  'donorId',
  'recipientId',
  'projectId',
  'purpose',
  'pledgedOn',
  'total',
  'cash',
  'inKind',
  'inKindDescription',
  'note',
] as const;

/** Row `i` as a CSV line; no value needs quoting. */
export function csvLine(parties: Parties, i: number): string {
  const input = donationInput(parties, i);
  return `${CSV_COLUMNS.map((c) => input[c] ?? '').join(',')}\n`;
}

/** The columns the floor copies into `donations`; the rest take their defaults. */
export const COPY_DONATION_COLUMNS =
  'id, donor_id, donor_name, recipient_id, project_id, purpose, status, pledged_on, cash, in_kind, total, in_kind_description, note, provenance_kind, source_id';

/** The columns the floor copies into `record_changes`. */
export const COPY_CHANGE_COLUMNS =
  'record_id, entity, version, action, actor_key_id, actor_name, actor_organization_id, after';

/** What the API's history shows of a new donation, as DONATION_HISTORY (donations/writes.ts) reads it. */
export function createdChange(parties: Parties, i: number): Record<string, string> {
  const row = donationRow(i);
  return {
    donor: toGlobalId('Organization', parties.donorId),
    donorName: parties.donorName,
    recipient: toGlobalId('Organization', parties.recipientId),
    project: toGlobalId('Project', parties.projectId),
    purpose: row.purpose,
    status: 'PLEDGED',
    pledgedOn: row.pledgedOn,
    total: row.total,
    cash: row.cash,
    inKind: row.inKind,
    ...(row.inKindDescription && { inKindDescription: row.inKindDescription }),
    delivered: '0.00',
    note: row.note,
  };
}

/** A value in COPY's text format: backslash, tab and newline escaped, null as \N. */
export function copyValue(value: string | null): string {
  return value === null ? '\\N' : value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n');
}
