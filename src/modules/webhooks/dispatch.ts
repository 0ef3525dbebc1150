import type { Db } from '../../db/client';
import type { webhookDeliveries } from '../../db/schema';
import { queueDb, type JobQueue } from '../../jobs/queue';
import { findChangesAfter, type FeedChangeRow } from '../changes/store';
import { DELIVERY_QUEUE, deliveryJobOptions, type DeliveryJob } from './deliver';
import { EVENT_ENTITIES, eventOf, eventPayload } from './events';
import type { WebhookOptions } from './options';
import {
  findListeningSubscriptions,
  findRecordOrganizations,
  insertWebhookDeliveries,
  lockDispatchCursor,
  moveDispatchCursor,
  type ListeningSubscription,
} from './store';

/** Changes read per dispatch transaction. */
export const DISPATCH_BATCH = 500;

/** Whether a subscription hears about a change: its event, made before the change committed, about its records. */
function hears(subscription: ListeningSubscription, change: FeedChangeRow, organizations: readonly string[]): boolean {
  const event = eventOf(change);
  return (
    event !== null &&
    subscription.events.includes(event) &&
    subscription.createdAt <= change.committedAt &&
    (subscription.organizationId === null || organizations.includes(subscription.organizationId))
  );
}

/**
 * Turns the next batch of the change feed into deliveries, in one transaction: locks the
 * dispatcher's cursor (another instance holding it is dispatching, and this one does nothing),
 * reads the changes after it in commit order, makes each subscription's delivery of each event
 * (the unique key makes one per subscription, change and event even if a batch ran twice),
 * queues each new delivery's first attempt, and moves the cursor past the batch. Either all of
 * that commits or none of it. Returns how many changes it read: a full batch means more wait.
 */
export async function dispatchWebhooks(db: Db, jobs: JobQueue, options: WebhookOptions): Promise<number> {
  return db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const cursor = await lockDispatchCursor(tx);
    if (!cursor) return 0;
    const changes = await findChangesAfter(tx, cursor, EVENT_ENTITIES, DISPATCH_BATCH);
    if (changes.length === 0) return 0;
    const eventful = changes.filter((c) => eventOf(c) !== null);
    const subscriptions = eventful.length > 0 ? await findListeningSubscriptions(tx) : [];
    if (subscriptions.length > 0) {
      const ids = (entity: FeedChangeRow['entity']) =>
        eventful.filter((c) => c.entity === entity).map((c) => c.recordId);
      const organizations = await findRecordOrganizations(tx, {
        donations: ids('DONATION'),
        projectReports: ids('PROJECT_REPORT'),
        trainingSessions: ids('TRAINING_SESSION'),
      });
      const deliveries: Array<typeof webhookDeliveries.$inferInsert> = [];
      const now = new Date().toISOString();
      for (const change of eventful) {
        const event = eventOf(change)!;
        const payload = eventPayload(event, change);
        const about = organizations.get(change.recordId) ?? [];
        for (const subscription of subscriptions) {
          if (hears(subscription, change, about)) {
            deliveries.push({
              subscriptionId: subscription.id,
              changeId: change.id,
              event,
              payload,
              nextAttemptAt: now,
            });
          }
        }
      }
      const inserted = await insertWebhookDeliveries(tx, deliveries);
      if (inserted.length > 0) {
        const jobOptions = deliveryJobOptions(options);
        await jobs.insert(
          inserted.map((deliveryId) => ({
            name: DELIVERY_QUEUE,
            data: { deliveryId, attempt: 1 } satisfies DeliveryJob,
            ...jobOptions,
          })),
          { db: queueDb(tx) },
        );
      }
    }
    const last = changes.at(-1)!;
    await moveDispatchCursor(tx, { sequence: last.sequence, position: last.position });
    return changes.length;
  });
}
