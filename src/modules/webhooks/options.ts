import type { Resolve } from './target';

/** How webhooks are sent (config.ts's WEBHOOK_* settings). */
export interface WebhookOptions {
  /** let subscriptions and deliveries reach private, loopback and link-local addresses (tests only) */
  allowPrivateTargets: boolean;
  /** seconds; the retry schedule doubles from it (retry-schedule.ts) */
  retryDelaySeconds: number;
  /** seconds an attempt may take, name resolution, connection and answer included */
  timeoutSeconds: number;
  /** milliseconds between looks at the change feed for new events */
  dispatchIntervalMs: number;
  /** how host names become addresses; the system resolver unless a test stubs it */
  resolve?: Resolve;
}

export const DEFAULT_WEBHOOK_OPTIONS: WebhookOptions = {
  allowPrivateTargets: false,
  retryDelaySeconds: 60,
  timeoutSeconds: 10,
  dispatchIntervalMs: 1_000,
};
