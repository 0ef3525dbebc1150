import type { Db } from '../../db/client';
import { queueDb, type JobQueue } from '../../jobs/queue';
import { toGlobalId } from '../node/global-id';
import type { WebhookOptions } from './options';
import { postWebhook, type PostOutcome } from './post';
import { attemptLimit, retryWaitSeconds } from './retry-schedule';
import { signedHeaders } from './signing';
import { checkTarget, isRefusal, systemResolve } from './target';
import {
  findDeliveryToAttempt,
  giveUpWebhookDelivery,
  insertWebhookAttempt,
  lockDelivery,
  updateWebhookDelivery,
} from './store';

/** The queue of delivery attempts: one job per attempt, `{ deliveryId, attempt }`. */
export const DELIVERY_QUEUE = 'webhook-delivery';

export interface DeliveryJob {
  deliveryId: string;
  /** 1 for the first attempt */
  attempt: number;
}

/** Seconds a database statement may take beyond the attempt itself before its job counts as abandoned. */
const RECORDING_MARGIN_SECONDS = 10;

/**
 * pg-boss options of every attempt's job. The schedule of attempts is ours (retry-schedule.ts);
 * pg-boss's own retries only run a job again whose worker died (SIGKILL, a lost database): it is
 * failed once `expireInSeconds` pass, then retried with backoff for at least as long.
 */
export function deliveryJobOptions(options: WebhookOptions) {
  return {
    expireInSeconds: options.timeoutSeconds + RECORDING_MARGIN_SECONDS,
    retryLimit: attemptLimit(options.retryDelaySeconds),
    retryDelay: Math.ceil(options.retryDelaySeconds),
    retryBackoff: true,
  };
}

/**
 * Makes attempt `job.attempt` of a delivery, unless it is no longer pending or that attempt is
 * already recorded (a job run again after its worker died mid-way, or by two instances). The
 * attempt, where the delivery stands and the next attempt's job are written in one transaction:
 * 2xx is DELIVERED and never sent again; any other outcome schedules the next attempt, or after
 * the last one is FAILED.
 */
export async function deliverWebhook(db: Db, jobs: JobQueue, options: WebhookOptions, job: DeliveryJob): Promise<void> {
  const delivery = await findDeliveryToAttempt(db, job.deliveryId);
  if (!delivery || delivery.status !== 'PENDING' || delivery.attemptCount >= job.attempt) return;
  if (delivery.subscriptionDeleted) {
    await giveUpWebhookDelivery(db, delivery.id);
    return;
  }
  const startedAt = new Date();
  const timeoutMs = options.timeoutSeconds * 1000;
  const target = await checkTarget(delivery.url, {
    allowPrivateTargets: options.allowPrivateTargets,
    resolve: options.resolve ?? systemResolve,
    timeoutMs,
  });
  let outcome: PostOutcome;
  if (isRefusal(target)) {
    outcome = { status: null, detail: `not sent: the URL ${target.refused}` };
  } else {
    const headers = signedHeaders(
      delivery.secret,
      toGlobalId('WebhookDelivery', delivery.id),
      new Date(),
      delivery.payload,
    );
    const left = Math.max(1, timeoutMs - (Date.now() - startedAt.getTime()));
    outcome = await postWebhook(target, headers, delivery.payload, left);
  }
  const durationMs = Date.now() - startedAt.getTime();
  const delivered = outcome.status !== null && outcome.status >= 200 && outcome.status < 300;
  const last = job.attempt >= attemptLimit(options.retryDelaySeconds);
  const next =
    delivered || last ? null : new Date(Date.now() + retryWaitSeconds(job.attempt, options.retryDelaySeconds) * 1000);
  await db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const current = await lockDelivery(tx, delivery.id);
    if (!current || current.status !== 'PENDING' || current.attemptCount >= job.attempt) return;
    await insertWebhookAttempt(tx, {
      deliveryId: delivery.id,
      attempt: job.attempt,
      startedAt: startedAt.toISOString(),
      durationMs,
      responseStatus: outcome.status,
      detail: outcome.detail,
    });
    await updateWebhookDelivery(tx, delivery.id, {
      status: delivered ? 'DELIVERED' : last ? 'FAILED' : 'PENDING',
      attemptCount: job.attempt,
      nextAttemptAt: next?.toISOString() ?? null,
      deliveredAt: delivered ? new Date().toISOString() : null,
    });
    if (next) {
      const data: DeliveryJob = { deliveryId: delivery.id, attempt: job.attempt + 1 };
      await jobs.send(DELIVERY_QUEUE, data, { ...deliveryJobOptions(options), startAfter: next, db: queueDb(tx) });
    }
  });
}
