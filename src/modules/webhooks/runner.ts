import type { Logger } from 'pino';
import type { Database } from '../../db/client';
import type { JobQueue } from '../../jobs/queue';
import { DELIVERY_QUEUE, deliverWebhook, type DeliveryJob } from './deliver';
import { DISPATCH_BATCH, dispatchWebhooks } from './dispatch';
import type { WebhookOptions } from './options';
import { ensureDispatchCursor } from './store';

/** Attempts one instance makes at once: each worker takes one job at a time. */
const DELIVERY_WORKERS = 4;

export interface WebhookRunner {
  /** stops dispatching and waits for a dispatch under way; the queue's stop ends the workers */
  stop: () => Promise<void>;
}

/**
 * Starts this instance's webhook machinery: the dispatcher, which every `dispatchIntervalMs`
 * turns new changes into deliveries (one instance at a time: the cursor's row lock), and the
 * workers that make delivery attempts as their jobs come due.
 */
export async function startWebhooks(
  database: Database,
  jobs: JobQueue,
  logger: Logger,
  options: WebhookOptions,
): Promise<WebhookRunner> {
  await ensureDispatchCursor(database.db);
  await jobs.createQueue(DELIVERY_QUEUE, { name: DELIVERY_QUEUE });
  for (let i = 0; i < DELIVERY_WORKERS; i += 1) {
    await jobs.work<DeliveryJob>(DELIVERY_QUEUE, async ([job]) => {
      await deliverWebhook(database.db, jobs, options, job!.data);
    });
  }

  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    try {
      // a full batch means more are waiting: read on at once
      while (!stopped && (await dispatchWebhooks(database.db, jobs, options)) === DISPATCH_BATCH);
    } catch (err) {
      logger.warn({ err }, 'webhook dispatch failed; the next tick tries again');
    }
    if (!stopped) timer = setTimeout(() => (running = tick()), options.dispatchIntervalMs).unref();
  };
  running = tick();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
