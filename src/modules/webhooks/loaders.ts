import DataLoader from 'dataloader';
import type { Db } from '../../db/client';
import { findWebhookAttemptsByDeliveryIds, findWebhookDeliveriesByIds, findWebhookSubscriptionsByIds } from './store';

export const webhookLoaders = (db: Db) => ({
  webhookSubscriptionById: new DataLoader((ids: readonly string[]) => findWebhookSubscriptionsByIds(db, ids)),
  webhookDeliveryById: new DataLoader((ids: readonly string[]) => findWebhookDeliveriesByIds(db, ids)),
  webhookAttemptsByDeliveryId: new DataLoader((ids: readonly string[]) => findWebhookAttemptsByDeliveryIds(db, ids)),
});
