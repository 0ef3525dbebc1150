import type { Db } from '../../db/client';
import { trainingAudience, trainingFormat } from '../../db/schema';
import type {
  DonationPurpose,
  ImportEntity,
  RecordDisbursementInput,
  RecordDonationInput,
  RecordTrainingSessionInput,
  SubmitProjectReportInput,
} from '../../generated/graphql';
import { readDisbursementInput, readDonationInput } from '../donations/validation';
import { DONATION_PURPOSE_NAMES } from '../donations/value-names';
import { recordDisbursements, recordDonations } from '../donations/writes';
import type { UserErrorShape } from '../mutations/user-error';
import type { Writer } from '../mutations/writer';
import { readProjectReportInput } from '../projects/validation';
import { submitProjectReports } from '../projects/writes';
import { readTrainingSessionInput } from '../training-sessions/validation';
import { recordTrainingSessions } from '../training-sessions/writes';
import { date, decimal, integer, text, type Columns } from './columns';

/**
 * What an import of one kind of record does with a row: its columns are the fields of the
 * matching mutation's input, read by that mutation's reader and written by its batch writer.
 */
export interface ImportedEntity<D> {
  columns: Columns;
  /** the input as the mutation reads it, UserError fields without prefix: the column names */
  read: (input: Record<string, unknown>) => D | UserErrorShape;
  /** one result per draft, in order: what was written, or the UserError of a draft that wrote nothing */
  write: (tx: Db, writer: Writer, drafts: readonly D[]) => Promise<readonly (object | UserErrorShape)[]>;
}

const entity = <D>(definition: ImportedEntity<D>): ImportedEntity<unknown> => definition as ImportedEntity<unknown>;

const purposes = Object.keys(DONATION_PURPOSE_NAMES) as DonationPurpose[];

/** Every kind of record an import writes, by `ImportEntity`. */
export const IMPORTED_ENTITIES: Readonly<Record<ImportEntity, ImportedEntity<unknown>>> = {
  DONATIONS: entity({
    columns: {
      donorId: { type: text, required: true },
      recipientId: { type: text, required: true },
      projectId: { type: text },
      purpose: { type: { kind: 'enum', values: purposes, names: DONATION_PURPOSE_NAMES }, required: true },
      pledgedOn: { type: date, required: true },
      total: { type: decimal, required: true },
      cash: { type: decimal },
      inKind: { type: decimal },
      inKindDescription: { type: text },
      note: { type: text },
    },
    read: (input) => readDonationInput(input as unknown as RecordDonationInput, ''),
    write: (tx, writer, drafts) => recordDonations(tx, writer, drafts, ''),
  }),
  DISBURSEMENTS: entity({
    columns: {
      donationId: { type: text, required: true },
      amount: { type: decimal, required: true },
      paidOn: { type: date, required: true },
      note: { type: text },
    },
    read: (input) => readDisbursementInput(input as unknown as RecordDisbursementInput, ''),
    write: (tx, writer, drafts) => recordDisbursements(tx, writer, drafts, ''),
  }),
  PROJECT_REPORTS: entity({
    columns: {
      projectId: { type: text, required: true },
      periodStart: { type: date, required: true },
      periodEnd: { type: date, required: true },
      summary: { type: text, required: true },
      peopleReached: { type: integer },
      spent: { type: decimal },
    },
    read: (input) => readProjectReportInput(input as unknown as SubmitProjectReportInput, ''),
    write: (tx, writer, drafts) => submitProjectReports(tx, writer, drafts, ''),
  }),
  TRAINING_SESSIONS: entity({
    columns: {
      organizerId: { type: text, required: true },
      title: { type: text, required: true },
      format: { type: { kind: 'enum', values: trainingFormat.enumValues }, required: true },
      audiences: { type: { kind: 'list', item: { kind: 'enum', values: trainingAudience.enumValues } } },
      topics: { type: { kind: 'list', item: text } },
      regionCode: { type: text },
      startsOn: { type: date, required: true },
      endsOn: { type: date },
      participantCount: { type: integer, required: true },
    },
    read: (input) => readTrainingSessionInput(input as unknown as RecordTrainingSessionInput, ''),
    write: (tx, writer, drafts) => recordTrainingSessions(tx, writer, drafts, ''),
  }),
};
