import { BadUserInputError } from '../../errors';
import type { ChangeResolvers, QueryResolvers } from '../../generated/graphql';
import type { RecordEntity } from '../history/changes';
import type { RecordChangeRow } from '../history/mappers';
import { toGlobalId, type NodeType } from '../node/global-id';
import { decodeFeedCursor, encodeFeedCursor, FEED_START } from './cursor';
import { findChangesAfter, findLatestFeedPosition } from './store';
import { loadChangedRecord } from '../history/loaders';

/** The most changes one page holds: 1,000 at 20 fields each stays well inside the 50,000-node request limit. */
export const MAX_FEED_PAGE = 1000;

/** The node type of each kind of written record. */
const NODE_TYPES: Record<RecordEntity, NodeType> = {
  DONATION: 'Donation',
  PROJECT: 'Project',
  PROJECT_REPORT: 'ProjectReport',
  TRAINING_SESSION: 'TrainingSession',
  GOVERNANCE_METRIC: 'GovernanceMetric',
};

export const Query: QueryResolvers = {
  changes: async (_root, { since, entities, first }, ctx) => {
    const size = first ?? 100;
    if (!Number.isInteger(size) || size < 1 || size > MAX_FEED_PAGE) {
      throw new BadUserInputError('first', `must be between 1 and ${MAX_FEED_PAGE}, got ${size}`);
    }
    const from = since == null ? FEED_START : decodeFeedCursor(since, 'since');
    const found = await findChangesAfter(ctx.db, from, entities?.length ? entities : null, size + 1);
    const changes = found.slice(0, size);
    return { changes, cursor: encodeFeedCursor(changes.at(-1) ?? from), hasMore: found.length > size };
  },
  latestChangeCursor: async (_root, _args, ctx) =>
    encodeFeedCursor((await findLatestFeedPosition(ctx.db)) ?? FEED_START),
};

export const Change: ChangeResolvers = {
  cursor: (c) => encodeFeedCursor(c),
  recordId: (c) => toGlobalId(NODE_TYPES[c.entity], c.recordId),
  record: (c, _args, ctx) => loadChangedRecord(ctx, c.entity, c.recordId),
  fields: (c) => c.after,
  previous: (c) => c.before,
  // history's Actor reads only the actor columns, which a feed row holds under the same names
  actor: (c) => c as unknown as RecordChangeRow,
};
