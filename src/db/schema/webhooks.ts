import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgEnum, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { id } from './columns';
import { apiKeys } from './access';
import { organizations } from './organizations';
import { recordChanges } from './history';

export const webhookEvent = pgEnum('webhook_event', [
  'DONATION_RECORDED',
  'DONATION_DELIVERED',
  'DONATION_VERIFIED',
  'PROJECT_REPORTED',
  'TRAINING_RECORDED',
]);

export const webhookDeliveryStatus = pgEnum('webhook_delivery_status', ['PENDING', 'DELIVERED', 'FAILED']);

/**
 * A URL subscribed to events about the records of the key's organization (all records for an
 * INTERNAL key). The signing secret (Standard Webhooks `whsec_…`) must be readable to sign, so it
 * is stored as is and shown once, at creation.
 */
export const webhookSubscriptions = pgTable(
  'webhook_subscriptions',
  {
    id: id(),
    apiKeyId: uuid('api_key_id')
      .notNull()
      .references(() => apiKeys.id, { onDelete: 'cascade' }),
    /** whose records it hears about; null for an INTERNAL key's subscription to all */
    organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    events: webhookEvent('events').array().notNull(),
    /** `whsec_` and the base64 of 24 random bytes */
    secret: text('secret').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    /** set when deleted; deliveries already made stay readable */
    deletedAt: timestamp('deleted_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [
    index('webhook_subscriptions_api_key_id_created_at_idx').on(t.apiKeyId, t.createdAt, t.id),
    check('webhook_subscriptions_events_not_empty', sql`cardinality(${t.events}) > 0`),
  ],
);

/** One event for one subscription: made once per change (the unique key), attempted until 2xx or given up. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: id(),
    subscriptionId: uuid('subscription_id')
      .notNull()
      .references(() => webhookSubscriptions.id, { onDelete: 'cascade' }),
    event: webhookEvent('event').notNull(),
    /** the history row the event reports */
    changeId: uuid('change_id')
      .notNull()
      .references(() => recordChanges.id, { onDelete: 'cascade' }),
    /** the exact JSON body sent with every attempt, so each attempt's signature covers the same bytes */
    payload: text('payload').notNull(),
    status: webhookDeliveryStatus('status').notNull().default('PENDING'),
    attemptCount: integer('attempt_count').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    /** when the next attempt is due; null once delivered or given up */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, mode: 'string' }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [
    unique('webhook_deliveries_subscription_change_event_key').on(t.subscriptionId, t.changeId, t.event),
    index('webhook_deliveries_subscription_id_created_at_idx').on(t.subscriptionId, t.createdAt, t.id),
  ],
);

/** Every attempt of a delivery: when, how long, and what the receiver answered or what failed. */
export const webhookAttempts = pgTable(
  'webhook_attempts',
  {
    id: id(),
    deliveryId: uuid('delivery_id')
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: 'cascade' }),
    /** 1 for the first attempt */
    attempt: integer('attempt').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'string' }).notNull(),
    /** milliseconds until the answer or the failure */
    durationMs: integer('duration_ms').notNull(),
    /** the receiver's HTTP status; null when none came */
    responseStatus: integer('response_status'),
    /** the first 1 KiB of the receiver's answer, or why no answer came */
    detail: text('detail'),
  },
  (t) => [unique('webhook_attempts_delivery_attempt_key').on(t.deliveryId, t.attempt)],
);

/** How far the webhook dispatcher has read the change feed: one row, locked by the dispatcher while it reads. */
export const webhookDispatchCursor = pgTable('webhook_dispatch_cursor', {
  name: text('name').primaryKey(),
  sequence: bigint('sequence', { mode: 'number' }).notNull(),
  position: bigint('position', { mode: 'number' }).notNull(),
});
