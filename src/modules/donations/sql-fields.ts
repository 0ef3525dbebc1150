import { donations } from '../../db/schema';
import type { Donation } from '../../generated/graphql';
import {
  amount,
  byGlobalId,
  column,
  globalId,
  instant,
  provenance,
  reference,
  type SqlFieldsOf,
  type SqlRootField,
  type SqlType,
} from '../compiled-reads/fields';
import { DONATIONS } from './lists';
import { DONATION_FIELD_COLUMNS } from './mappers';

const fields: SqlFieldsOf<Donation> = {
  id: globalId('Donation', donations.id),
  donor: reference('Organization', donations.donorId),
  donorName: column(donations.donorName),
  recipient: reference('Organization', donations.recipientId),
  project: reference('Project', donations.projectId),
  purpose: column(donations.purpose),
  status: column(donations.status),
  pledgedOn: column(donations.pledgedOn),
  deliveredOn: column(donations.deliveredOn),
  total: amount(donations.total, donations.currency),
  cash: amount(donations.cash, donations.currency),
  inKind: amount(donations.inKind, donations.currency),
  inKindDescription: column(donations.inKindDescription),
  delivered: amount(donations.delivered, donations.currency),
  disbursements: null,
  provenance: provenance(donations.provenanceKind, donations.sourceId),
  createdAt: instant(donations.createdAt),
  updatedAt: instant(donations.updatedAt),
  note: column(donations.note),
  version: column(donations.version),
  history: null,
};

export const DONATION_SQL: SqlType = { table: donations, key: donations.id, fields, reads: DONATION_FIELD_COLUMNS };

export const DONATION_ROOT_SQL: Record<string, SqlRootField> = {
  donations: { kind: 'list', type: 'Donation', list: DONATIONS },
  donation: byGlobalId('Donation', donations.id),
};
