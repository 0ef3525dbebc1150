import { sql } from 'drizzle-orm';
import { date, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A published work that REPORTED records cite: an article, a notice, a white paper. */
export const sources = pgTable('sources', {
  id: uuid('id')
    .primaryKey()
    .default(sql`gen_random_uuid()`),
  title: text('title').notNull(),
  /** as the work names it; null where it names none (never guessed) */
  publisher: text('publisher'),
  /** as the work names it; null where it names none */
  author: text('author'),
  publishedOn: date('published_on').notNull(),
  url: text('url'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
});
