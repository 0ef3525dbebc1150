import { trainingSessions } from '../../db/schema';
import type {
  MutationResolvers,
  QueryResolvers,
  RecordTrainingSessionResultResolvers,
  TrainingProgressResolvers,
  TrainingSessionFilter,
  TrainingSessionResolvers,
} from '../../generated/graphql';
import { TRAINING_TARGET_INDICATOR } from '../../db/reference/indicators';
import { findLatestTarget } from '../governance/store';
import { toGlobalId, expectGlobalId } from '../node/global-id';
import { rootConnection } from '../pagination/lists';
import { askedFields, selectedColumns } from '../pagination/selection';
import { TRAINING_SESSION_FIELD_COLUMNS } from './mappers';
import {
  sessionsSource,
  sumTraining,
  sumTrainingPerPeriod,
  trainingSessionConditions,
  type TrainingSource,
} from './store';
import { trainingGrainAnswering, type TrainingDimension } from '../statistics/training-grains';
import { trainingRollupSource } from '../statistics/store';
import type { RegionDirectory } from '../regions/directory';
import { TRAINING_SESSIONS } from './lists';
import { history } from '../history/resolvers';
import { isUserError, successOrUserError } from '../mutations/user-error';
import { write } from '../mutations/write';
import { readTrainingSessionInput } from './validation';
import { recordTrainingSessions, TRAINING_SESSION_CONSTRAINTS } from './writes';
import { progressToward, targetOf, trainingTimeline } from './timeline';
import { provenanceCounts } from '../statistics/provenance-counts';

/** TrainingProgress fields read from the target metric. */
const TARGET_FIELDS = ['target', 'targetDate', 'progress', 'targetMetric'];

/**
 * What the training statistics over `filter` (grouped by `also`) read: a rollup grain keeping every
 * dimension involved, else the matching sessions. The filter's conditions are built first either
 * way, which refuses an unknown region or a reversed date range.
 */
function trainingSource(
  filter: TrainingSessionFilter | null | undefined,
  regions: RegionDirectory,
  ...also: TrainingDimension[]
): TrainingSource {
  const conditions = trainingSessionConditions(filter, regions);
  const grain = trainingGrainAnswering(filter, ...also);
  return grain ? trainingRollupSource(grain, filter) : sessionsSource(conditions);
}

export const Query: QueryResolvers = {
  trainingSession: (_root, { id }, ctx) =>
    ctx.loaders.trainingSessionById.load(expectGlobalId(id, 'TrainingSession', 'id')),
  trainingSessions: (_root, args, ctx, info) =>
    rootConnection(
      ctx.db,
      TRAINING_SESSIONS(args, ctx.regions),
      selectedColumns(info, trainingSessions, TRAINING_SESSION_FIELD_COLUMNS),
    ),
  trainingProgress: async (_root, { filter }, ctx, info) => {
    const source = trainingSource(filter, ctx.regions);
    // each part only when a field asked needs it: the kinds make the sums read every row, the target is a statement of its own
    const asked = askedFields(info);
    const [sums, targetMetric] = await Promise.all([
      sumTraining(ctx.db, source, asked.has('provenanceCounts')),
      TARGET_FIELDS.some((f) => asked.has(f))
        ? findLatestTarget(ctx.db, TRAINING_TARGET_INDICATOR, filter?.regionCode ?? null)
        : null,
    ]);
    return { ...sums, targetMetric };
  },
  trainingTimeline: async (_root, { interval, filter }, ctx) => {
    const source = trainingSource(filter, ctx.regions, 'month');
    const [found, targetMetric] = await Promise.all([
      sumTrainingPerPeriod(ctx.db, interval, source),
      findLatestTarget(ctx.db, TRAINING_TARGET_INDICATOR, filter?.regionCode ?? null),
    ]);
    return trainingTimeline(interval, found, targetMetric);
  },
};

export const TrainingSession: TrainingSessionResolvers = {
  id: (t) => toGlobalId('TrainingSession', t.id),
  organizer: (t, _args, ctx) => (t.organizerId ? ctx.loaders.organizationById.load(t.organizerId) : null),
  region: (t, _args, ctx) => ctx.regions.get(t.regionCode),
  provenance: (t) => t,
  history,
};

export const Mutation: MutationResolvers = {
  recordTrainingSession: (_root, { input }, ctx) =>
    write(ctx, TRAINING_SESSION_CONSTRAINTS, async (tx, writer) => {
      const draft = readTrainingSessionInput(input, 'input.');
      if (isUserError(draft)) return draft;
      const [session] = await recordTrainingSessions(tx, writer, [draft], 'input.');
      return isUserError(session!) ? session! : { trainingSession: session! };
    }),
};

export const RecordTrainingSessionResult: RecordTrainingSessionResultResolvers = {
  __resolveType: successOrUserError('RecordTrainingSessionSuccess'),
};

export const TrainingProgress: TrainingProgressResolvers = {
  target: (p) => targetOf(p.targetMetric),
  targetDate: (p) => p.targetMetric?.periodEnd ?? null,
  progress: (p) => progressToward(p.personTimes, p.targetMetric),
  provenanceCounts: ({ reported, submitted, synthetic }) => {
    // Query.trainingProgress counts the kinds whenever this field is asked
    if (reported === undefined || submitted === undefined || synthetic === undefined) {
      throw new Error('trainingProgress was summed without its provenance counts');
    }
    return provenanceCounts({ reported, submitted, synthetic });
  },
};
