import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { groupedByKey, orderedByKey } from '../../batching/ordered';
import { anyOf } from '../../db/any-of';
import { rows, type Db } from '../../db/client';
import { rowsByIds } from '../../db/rows-by-ids';
import { webhookAttempts, webhookDeliveries, webhookSubscriptions } from '../../db/schema';
import { FEED_START } from '../changes/cursor';
import { findLatestFeedPosition, type FeedPosition } from '../changes/store';
import type { PageWindow } from '../pagination/arguments';
import type { ListQuery } from '../pagination/store';
import type { WebhookEvent } from './events';
import type { WebhookAttemptRow, WebhookDeliveryRow, WebhookSubscriptionRow } from './mappers';

export async function insertWebhookSubscription(
  db: Db,
  subscription: typeof webhookSubscriptions.$inferInsert,
): Promise<WebhookSubscriptionRow> {
  const [row] = await db.insert(webhookSubscriptions).values(subscription).returning();
  return row!;
}

/** One subscription per id, in id order; null where absent. */
export async function findWebhookSubscriptionsByIds(
  db: Db,
  ids: readonly string[],
): Promise<(WebhookSubscriptionRow | null)[]> {
  return orderedByKey(ids, await rowsByIds(db, webhookSubscriptions, ids), (s) => s.id);
}

/** One delivery per id, in id order; null where absent. */
export async function findWebhookDeliveriesByIds(
  db: Db,
  ids: readonly string[],
): Promise<(WebhookDeliveryRow | null)[]> {
  return orderedByKey(ids, await rowsByIds(db, webhookDeliveries, ids), (d) => d.id);
}

/** Every attempt of each delivery, first to last, in delivery id order. */
export async function findWebhookAttemptsByDeliveryIds(
  db: Db,
  deliveryIds: readonly string[],
): Promise<WebhookAttemptRow[][]> {
  const found = await db
    .select()
    .from(webhookAttempts)
    .where(anyOf(webhookAttempts.deliveryId, deliveryIds))
    .orderBy(webhookAttempts.deliveryId, webhookAttempts.attempt);
  return groupedByKey(deliveryIds, found, (a) => a.deliveryId);
}

/**
 * Marks a live subscription deleted, and gives up its pending deliveries; the subscription as it
 * is now, or null when none with this id belongs to `apiKeyId` (any key's, when null).
 */
export async function deleteWebhookSubscription(
  db: Db,
  id: string,
  apiKeyId: string | null,
): Promise<WebhookSubscriptionRow | null> {
  const owned = and(
    eq(webhookSubscriptions.id, id),
    apiKeyId ? eq(webhookSubscriptions.apiKeyId, apiKeyId) : undefined,
  );
  const [deleted] = await db
    .update(webhookSubscriptions)
    .set({ deletedAt: sql`now()` })
    .where(and(owned, isNull(webhookSubscriptions.deletedAt)))
    .returning();
  if (!deleted) {
    const [existing] = await db.select().from(webhookSubscriptions).where(owned);
    return existing ?? null;
  }
  await db
    .update(webhookDeliveries)
    .set({ status: 'FAILED', nextAttemptAt: null })
    .where(and(eq(webhookDeliveries.subscriptionId, id), eq(webhookDeliveries.status, 'PENDING')));
  return deleted;
}

/** A key's live subscriptions, newest first. */
export function webhookSubscriptionList(apiKeyId: string, window: PageWindow): ListQuery<typeof webhookSubscriptions> {
  return {
    table: webhookSubscriptions,
    conditions: [eq(webhookSubscriptions.apiKeyId, apiKeyId), isNull(webhookSubscriptions.deletedAt)],
    sort: { key: sql`${webhookSubscriptions.createdAt}`, type: 'timestamptz', descending: true },
    window,
  };
}

/** Deliveries to a key's subscriptions, deleted ones included (or to one of them), newest first. */
export function webhookDeliveryList(
  apiKeyId: string,
  subscriptionId: string | null,
  window: PageWindow,
): ListQuery<typeof webhookDeliveries> {
  const conditions: SQL[] = [
    sql`${webhookDeliveries.subscriptionId} in (select ${webhookSubscriptions.id} from ${webhookSubscriptions} where ${webhookSubscriptions.apiKeyId} = ${apiKeyId})`,
  ];
  if (subscriptionId !== null) conditions.push(eq(webhookDeliveries.subscriptionId, subscriptionId));
  return {
    table: webhookDeliveries,
    conditions,
    sort: { key: sql`${webhookDeliveries.createdAt}`, type: 'timestamptz', descending: true },
    window,
  };
}

// The dispatcher: change feed to deliveries.

/** The dispatcher's row of webhook_dispatch_cursor. */
const CURSOR_NAME = 'webhooks';

/**
 * Creates the dispatcher's cursor at the feed's end if it has none, so turning webhooks on over a
 * database with history does not replay it; a cursor already there is left alone.
 */
export async function ensureDispatchCursor(db: Db): Promise<void> {
  const end = (await findLatestFeedPosition(db)) ?? FEED_START;
  await db.execute(sql`
    insert into webhook_dispatch_cursor (name, sequence, position)
    values (${CURSOR_NAME}, ${end.sequence}::bigint, ${end.position}::bigint)
    on conflict (name) do nothing`);
}

/**
 * The dispatcher's place in the feed, its row locked until the transaction ends; null when
 * another instance holds it (that instance is dispatching) or it does not exist yet.
 */
export async function lockDispatchCursor(tx: Db): Promise<FeedPosition | null> {
  const [cursor] = await rows<FeedPosition>(
    tx,
    sql`select sequence::text as "sequence", position::text as "position" from webhook_dispatch_cursor
         where name = ${CURSOR_NAME} for update skip locked`,
  );
  return cursor ?? null;
}

export async function moveDispatchCursor(tx: Db, to: FeedPosition): Promise<void> {
  await tx.execute(sql`update webhook_dispatch_cursor set sequence = ${to.sequence}::bigint, position = ${to.position}::bigint
                        where name = ${CURSOR_NAME}`);
}

/** A subscription as the dispatcher matches changes against it. */
export interface ListeningSubscription {
  id: string;
  /** null: every record */
  organizationId: string | null;
  events: WebhookEvent[];
  createdAt: string;
}

/** Live subscriptions whose key is neither revoked nor expired. */
export async function findListeningSubscriptions(tx: Db): Promise<ListeningSubscription[]> {
  return rows<ListeningSubscription>(
    tx,
    sql`select s.id, s.organization_id as "organizationId", s.events::text[] as events,
               to_char(s.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "createdAt"
          from webhook_subscriptions s join api_keys k on k.id = s.api_key_id
         where s.deleted_at is null and k.revoked_at is null and (k.expires_at is null or k.expires_at > now())`,
  );
}

/**
 * The organizations each record is about, by record id: a donation's donor and recipient, a
 * project report's project's organization, a training session's organizer.
 */
export async function findRecordOrganizations(
  tx: Db,
  records: { donations: string[]; projectReports: string[]; trainingSessions: string[] },
): Promise<Map<string, string[]>> {
  const found = await rows<{ recordId: string; organizationId: string }>(
    tx,
    sql`select id as "recordId", donor_id as "organizationId" from donations
         where id = any(${sql.param(records.donations)}::uuid[]) and donor_id is not null
        union all
        select id, recipient_id from donations
         where id = any(${sql.param(records.donations)}::uuid[]) and recipient_id is not null
        union all
        select r.id, p.organization_id from project_reports r join projects p on p.id = r.project_id
         where r.id = any(${sql.param(records.projectReports)}::uuid[])
        union all
        select id, organizer_id from training_sessions
         where id = any(${sql.param(records.trainingSessions)}::uuid[]) and organizer_id is not null`,
  );
  const byRecord = new Map<string, string[]>();
  for (const { recordId, organizationId } of found)
    byRecord.set(recordId, [...(byRecord.get(recordId) ?? []), organizationId]);
  return byRecord;
}

/** Rows per insert: five parameters each, well under PostgreSQL's 65,535. */
const DELIVERIES_PER_STATEMENT = 1_000;

/** Inserts deliveries; one already made for the same subscription, change and event is left alone. The ids inserted. */
export async function insertWebhookDeliveries(
  tx: Db,
  deliveries: ReadonlyArray<typeof webhookDeliveries.$inferInsert>,
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < deliveries.length; i += DELIVERIES_PER_STATEMENT) {
    const inserted = await tx
      .insert(webhookDeliveries)
      .values(deliveries.slice(i, i + DELIVERIES_PER_STATEMENT) as Array<typeof webhookDeliveries.$inferInsert>)
      .onConflictDoNothing()
      .returning({ id: webhookDeliveries.id });
    ids.push(...inserted.map((d) => d.id));
  }
  return ids;
}

// Attempts.

/** A delivery with what an attempt needs of its subscription. */
export interface DeliveryToAttempt {
  id: string;
  status: WebhookDeliveryRow['status'];
  attemptCount: number;
  payload: string;
  url: string;
  secret: string;
  subscriptionDeleted: boolean;
}

export async function findDeliveryToAttempt(db: Db, id: string): Promise<DeliveryToAttempt | null> {
  const [found] = await rows<DeliveryToAttempt>(
    db,
    sql`select d.id, d.status, d.attempt_count as "attemptCount", d.payload, s.url, s.secret,
               s.deleted_at is not null as "subscriptionDeleted"
          from webhook_deliveries d join webhook_subscriptions s on s.id = d.subscription_id
         where d.id = ${id}`,
  );
  return found ?? null;
}

/** The delivery's status and attempts made, its row locked until the transaction ends. */
export async function lockDelivery(
  tx: Db,
  id: string,
): Promise<Pick<WebhookDeliveryRow, 'status' | 'attemptCount'> | null> {
  const [found] = await tx
    .select({ status: webhookDeliveries.status, attemptCount: webhookDeliveries.attemptCount })
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.id, id))
    .for('update');
  return found ?? null;
}

export async function insertWebhookAttempt(tx: Db, attempt: typeof webhookAttempts.$inferInsert): Promise<void> {
  await tx.insert(webhookAttempts).values(attempt);
}

/** Sets where a delivery stands after an attempt. */
export async function updateWebhookDelivery(
  tx: Db,
  id: string,
  change: Pick<WebhookDeliveryRow, 'status' | 'attemptCount' | 'nextAttemptAt' | 'deliveredAt'>,
): Promise<void> {
  await tx.update(webhookDeliveries).set(change).where(eq(webhookDeliveries.id, id));
}

/** Gives up a pending delivery without an attempt (its subscription was deleted). */
export async function giveUpWebhookDelivery(db: Db, id: string): Promise<void> {
  await db
    .update(webhookDeliveries)
    .set({ status: 'FAILED', nextAttemptAt: null })
    .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.status, 'PENDING')));
}
