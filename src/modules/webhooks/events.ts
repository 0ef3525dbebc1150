import type { webhookEvent } from '../../db/schema';
import { encodeFeedCursor } from '../changes/cursor';
import type { FeedChangeRow } from '../changes/store';
import type { RecordEntity } from '../history/changes';
import { toGlobalId, type NodeType } from '../node/global-id';

export type WebhookEvent = (typeof webhookEvent.enumValues)[number];

/** The kinds of record whose changes raise events. */
export const EVENT_ENTITIES: readonly RecordEntity[] = ['DONATION', 'PROJECT_REPORT', 'TRAINING_SESSION'];

/** The event a change raises, by entity and action; changes not listed raise none. */
const EVENTS: Partial<Record<RecordEntity, Partial<Record<FeedChangeRow['action'], WebhookEvent>>>> = {
  DONATION: { CREATED: 'DONATION_RECORDED', DISBURSED: 'DONATION_DELIVERED', VERIFIED: 'DONATION_VERIFIED' },
  PROJECT_REPORT: { CREATED: 'PROJECT_REPORTED' },
  TRAINING_SESSION: { CREATED: 'TRAINING_RECORDED' },
};

const NODE_TYPE_OF: Record<RecordEntity, NodeType> = {
  DONATION: 'Donation',
  PROJECT: 'Project',
  PROJECT_REPORT: 'ProjectReport',
  TRAINING_SESSION: 'TrainingSession',
  GOVERNANCE_METRIC: 'GovernanceMetric',
};

export function eventOf(change: Pick<FeedChangeRow, 'entity' | 'action'>): WebhookEvent | null {
  return EVENTS[change.entity]?.[change.action] ?? null;
}

/**
 * The JSON body of an event, written once when its deliveries are made and sent byte for byte on
 * every attempt. Standard Webhooks' envelope (`type`, `timestamp`, `data`); `data` is the change
 * as the change feed's `Change` shows it, so a receiver can apply it to a mirror, or resume
 * `changes(since: data.cursor)` to catch up from it.
 */
export function eventPayload(event: WebhookEvent, change: FeedChangeRow): string {
  return JSON.stringify({
    type: event,
    timestamp: change.committedAt,
    data: {
      cursor: encodeFeedCursor({ sequence: change.sequence, position: change.position }),
      entity: change.entity,
      action: change.action,
      recordId: toGlobalId(NODE_TYPE_OF[change.entity], change.recordId),
      version: change.version,
      committedAt: change.committedAt,
      fields: change.after,
      previous: change.before,
      reason: change.reason,
    },
  });
}
