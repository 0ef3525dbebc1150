import type { webhookAttempts, webhookDeliveries, webhookSubscriptions } from '../../db/schema';
import type { WebhookDelivery, WebhookSubscription } from '../../generated/graphql';
import type { FieldColumns } from '../pagination/selection';

export type WebhookSubscriptionRow = typeof webhookSubscriptions.$inferSelect;
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;
export type WebhookAttemptRow = typeof webhookAttempts.$inferSelect;

/** The success of `createWebhookSubscription`: the secret is here once, never read back. */
export interface SubscriptionCreated {
  subscription: WebhookSubscriptionRow;
  secret: string;
}

/** The success of `deleteWebhookSubscription`. */
export interface SubscriptionDeleted {
  subscription: WebhookSubscriptionRow;
}

/** What each WebhookSubscription field reads of its row; lists select only these. */
export const WEBHOOK_SUBSCRIPTION_FIELD_COLUMNS: FieldColumns<WebhookSubscription, WebhookSubscriptionRow> = {
  id: ['id'],
  url: ['url'],
  events: ['events'],
  organization: ['organizationId'],
  createdAt: ['createdAt'],
  deletedAt: ['deletedAt'],
};

/** What each WebhookDelivery field reads of its row; lists select only these. */
export const WEBHOOK_DELIVERY_FIELD_COLUMNS: FieldColumns<WebhookDelivery, WebhookDeliveryRow> = {
  id: ['id'],
  subscription: ['subscriptionId'],
  event: ['event'],
  status: ['status'],
  payload: ['payload'],
  attemptCount: ['attemptCount'],
  createdAt: ['createdAt'],
  nextAttemptAt: ['nextAttemptAt'],
  deliveredAt: ['deliveredAt'],
  attempts: ['id'],
};
