import { sql } from 'drizzle-orm';
import { char, check, date, index, integer, pgEnum, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { id, provenance, timestamps, version } from './columns';
import { organizations } from './organizations';
import { regions } from './regions';

export const trainingFormat = pgEnum('training_format', [
  'DEMONSTRATION',
  'ONLINE_CLASS',
  'NEW_MEDIA',
  'WORKSHOP',
  'FORUM',
  'OTHER',
]);

export const trainingAudience = pgEnum('training_audience', [
  'CIVIL_AFFAIRS_ASSISTANTS',
  'COMMUNITY_WORKERS',
  'CHILD_DIRECTORS',
  'COMMUNITY_ORGANIZATION_LEADERS',
  'COMMUNITY_SOCIAL_WORKERS',
  'VOLUNTEERS',
  'OTHER',
]);

export const trainingSessions = pgTable(
  'training_sessions',
  {
    id: id(),
    title: text('title').notNull(),
    organizerId: uuid('organizer_id').references(() => organizations.id, { onDelete: 'restrict' }),
    format: trainingFormat('format').notNull(),
    audiences: trainingAudience('audiences')
      .array()
      .notNull()
      .default(sql`'{}'`),
    topics: text('topics')
      .array()
      .notNull()
      .default(sql`'{}'`),
    regionCode: char('region_code', { length: 6 }).references(() => regions.code, { onDelete: 'restrict' }),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    /** 人次, person-times: one person at two sessions counts twice */
    participantCount: integer('participant_count').notNull(),
    ...provenance(),
    ...timestamps(),
    ...version(),
  },
  (t) => [
    check('training_sessions_participants_not_negative', sql`${t.participantCount} >= 0`),
    check('training_sessions_period_ordered', sql`${t.endsOn} >= ${t.startsOn}`),
    index('training_sessions_starts_on_id_idx').on(t.startsOn, t.id),
    index('training_sessions_organizer_id_starts_on_id_idx').on(t.organizerId, t.startsOn, t.id),
    index('training_sessions_region_code_idx').on(t.regionCode),
    index('training_sessions_created_at_id_idx').on(t.createdAt, t.id),
    // one per filter: a filtered page's plan has an index to read instead of the whole table
    index('training_sessions_format_idx').on(t.format),
    index('training_sessions_audiences_idx').using('gin', t.audiences),
    index('training_sessions_provenance_kind_idx').on(t.provenanceKind),
    index('training_sessions_participant_count_id_idx').on(t.participantCount, t.id),
    /** the records citing a source (`Source.supports`); generated rows cite none */
    index('training_sessions_source_id_idx')
      .on(t.sourceId)
      .where(sql`${t.sourceId} is not null`),
  ],
);
