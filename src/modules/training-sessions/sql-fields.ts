import { trainingSessions } from '../../db/schema';
import type { TrainingSession } from '../../generated/graphql';
import {
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
import { TRAINING_SESSIONS } from './lists';
import { TRAINING_SESSION_FIELD_COLUMNS } from './mappers';

const fields: SqlFieldsOf<TrainingSession> = {
  id: globalId('TrainingSession', trainingSessions.id),
  title: column(trainingSessions.title),
  organizer: reference('Organization', trainingSessions.organizerId),
  format: column(trainingSessions.format),
  audiences: column(trainingSessions.audiences),
  topics: column(trainingSessions.topics),
  region: reference('Region', trainingSessions.regionCode),
  startsOn: column(trainingSessions.startsOn),
  endsOn: column(trainingSessions.endsOn),
  participantCount: column(trainingSessions.participantCount),
  provenance: provenance(trainingSessions.provenanceKind, trainingSessions.sourceId),
  createdAt: instant(trainingSessions.createdAt),
  updatedAt: instant(trainingSessions.updatedAt),
  version: column(trainingSessions.version),
  history: null,
};

export const TRAINING_SESSION_SQL: SqlType = {
  table: trainingSessions,
  key: trainingSessions.id,
  fields,
  reads: TRAINING_SESSION_FIELD_COLUMNS,
};

export const TRAINING_SESSION_ROOT_SQL: Record<string, SqlRootField> = {
  trainingSessions: { kind: 'list', type: 'TrainingSession', list: TRAINING_SESSIONS },
  trainingSession: byGlobalId('TrainingSession', trainingSessions.id),
};
