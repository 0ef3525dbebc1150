import type { Context } from '../../context';
import { webhookDeliveries, webhookSubscriptions } from '../../db/schema';
import { ForbiddenError } from '../../errors';
import type {
  CreateWebhookSubscriptionResultResolvers,
  DeleteWebhookSubscriptionResultResolvers,
  MutationResolvers,
  QueryResolvers,
  WebhookDeliveryResolvers,
  WebhookSubscriptionResolvers,
} from '../../generated/graphql';
import type { ApiKeyRow } from '../access/store';
import { isUserError, notFound, successOrUserError } from '../mutations/user-error';
import { write } from '../mutations/write';
import { expectGlobalId, parseGlobalId, toGlobalId } from '../node/global-id';
import { pageWindow } from '../pagination/arguments';
import { rootConnection } from '../pagination/lists';
import { selectedColumns } from '../pagination/selection';
import { WEBHOOK_DELIVERY_FIELD_COLUMNS, WEBHOOK_SUBSCRIPTION_FIELD_COLUMNS, type WebhookDeliveryRow } from './mappers';
import type { WebhookSubscriptionRow } from './mappers';
import { newSigningSecret } from './signing';
import {
  deleteWebhookSubscription,
  insertWebhookSubscription,
  webhookDeliveryList,
  webhookSubscriptionList,
} from './store';
import { checkSubscriptionInput } from './validation';

/** Webhooks are for PARTNER and INTERNAL keys; anonymous and DEVELOPER callers are FORBIDDEN. */
function subscriberOf(ctx: Context): ApiKeyRow {
  const key = ctx.caller.key;
  if (!key) throw new ForbiddenError('Webhooks need a PARTNER or INTERNAL API key; this request sent none.');
  if (key.tier === 'DEVELOPER')
    throw new ForbiddenError('Webhooks need a PARTNER or INTERNAL key; this key is DEVELOPER.');
  return key;
}

/** A subscription, for the key that made it; null for anyone else, as if absent. */
export async function visibleWebhookSubscription(ctx: Context, id: string): Promise<WebhookSubscriptionRow | null> {
  const found = await ctx.loaders.webhookSubscriptionById.load(id);
  return found && found.apiKeyId === ctx.caller.key?.id ? found : null;
}

/** A delivery, for the key whose subscription it was made for; null for anyone else, as if absent. */
export async function visibleWebhookDelivery(ctx: Context, id: string): Promise<WebhookDeliveryRow | null> {
  const found = await ctx.loaders.webhookDeliveryById.load(id);
  return found && (await visibleWebhookSubscription(ctx, found.subscriptionId)) ? found : null;
}

export const Query: QueryResolvers = {
  webhookSubscriptions: (_root, args, ctx, info) =>
    rootConnection(
      ctx.db,
      webhookSubscriptionList(subscriberOf(ctx).id, pageWindow(args)),
      selectedColumns(info, webhookSubscriptions, WEBHOOK_SUBSCRIPTION_FIELD_COLUMNS),
    ),
  webhookDeliveries: (_root, args, ctx, info) => {
    const key = subscriberOf(ctx);
    const subscriptionId =
      args.subscriptionId != null ? expectGlobalId(args.subscriptionId, 'WebhookSubscription', 'subscriptionId') : null;
    return rootConnection(
      ctx.db,
      webhookDeliveryList(key.id, subscriptionId, pageWindow(args)),
      selectedColumns(info, webhookDeliveries, WEBHOOK_DELIVERY_FIELD_COLUMNS),
    );
  },
};

export const Mutation: MutationResolvers = {
  createWebhookSubscription: (_root, { input }, ctx) =>
    write(ctx, {}, async (tx, writer) => {
      const checked = await checkSubscriptionInput(input, ctx.webhooks);
      if (isUserError(checked)) return checked;
      const secret = newSigningSecret();
      const subscription = await insertWebhookSubscription(tx, {
        apiKeyId: writer.keyId!,
        organizationId: writer.internal ? null : writer.organizationId,
        url: checked.url,
        events: checked.events,
        secret,
      });
      return { subscription, secret };
    }),
  deleteWebhookSubscription: (_root, { input }, ctx) =>
    write(ctx, {}, async (tx, writer) => {
      const parsed = parseGlobalId(input.id);
      const missing = notFound('input.id', 'no webhook subscription of this key has this ID');
      if (parsed?.type !== 'WebhookSubscription') return missing;
      const subscription = await deleteWebhookSubscription(tx, parsed.id, writer.keyId);
      return subscription ? { subscription } : missing;
    }),
};

export const CreateWebhookSubscriptionResult: CreateWebhookSubscriptionResultResolvers = {
  __resolveType: successOrUserError('CreateWebhookSubscriptionSuccess'),
};

export const DeleteWebhookSubscriptionResult: DeleteWebhookSubscriptionResultResolvers = {
  __resolveType: successOrUserError('DeleteWebhookSubscriptionSuccess'),
};

export const WebhookSubscription: WebhookSubscriptionResolvers = {
  id: (s) => toGlobalId('WebhookSubscription', s.id),
  organization: (s, _args, ctx) => (s.organizationId ? ctx.loaders.organizationById.load(s.organizationId) : null),
};

export const WebhookDelivery: WebhookDeliveryResolvers = {
  id: (d) => toGlobalId('WebhookDelivery', d.id),
  subscription: async (d, _args, ctx) => (await ctx.loaders.webhookSubscriptionById.load(d.subscriptionId))!,
  attempts: (d, _args, ctx) => ctx.loaders.webhookAttemptsByDeliveryId.load(d.id),
};
