import { invalid, type UserErrorShape } from '../mutations/user-error';
import type { WebhookEvent } from './events';
import { checkTarget, isRefusal, systemResolve, type CheckedTarget } from './target';
import { DEFAULT_WEBHOOK_OPTIONS, type WebhookOptions } from './options';

/** The longest URL accepted, in characters. */
const MAX_URL_LENGTH = 2_000;

/** A subscription's input checked: its URL (host resolved and judged now), and its events once each. */
export async function checkSubscriptionInput(
  input: { url: string; events: readonly WebhookEvent[] },
  options: WebhookOptions = DEFAULT_WEBHOOK_OPTIONS,
): Promise<{ url: string; events: WebhookEvent[] } | UserErrorShape> {
  if (input.events.length === 0) return invalid('input.events', 'must name at least one event');
  if (input.url.length > MAX_URL_LENGTH) return invalid('input.url', `must be at most ${MAX_URL_LENGTH} characters`);
  const target: CheckedTarget | { refused: string } = await checkTarget(input.url, {
    allowPrivateTargets: options.allowPrivateTargets,
    resolve: options.resolve ?? systemResolve,
    timeoutMs: options.timeoutSeconds * 1000,
  });
  if (isRefusal(target)) return invalid('input.url', target.refused);
  return { url: target.url.toString(), events: [...new Set(input.events)] };
}
