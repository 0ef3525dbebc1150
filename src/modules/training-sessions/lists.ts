import type { trainingSessions } from '../../db/schema';
import type { QueryTrainingSessionsArgs } from '../../generated/graphql';
import { pageWindow } from '../pagination/arguments';
import type { ListBuilder } from '../pagination/lists';
import { trainingGrainAnswering } from '../statistics/training-grains';
import { countSessionsFromRollups } from '../statistics/store';
import { trainingSessionConditions, trainingSessionList } from './store';

/**
 * `Query.trainingSessions`. Its `totalCount` comes from the training rollups when a grain keeps
 * every dimension the filter names (formats, a province, whole months, provenance): a few hundred
 * rollup rows summed instead of every matching session counted. The conditions are built first,
 * so a filter the API refuses is refused before a grain is chosen for it.
 */
export const TRAINING_SESSIONS: ListBuilder<typeof trainingSessions, QueryTrainingSessionsArgs> = (args, regions) => {
  const list = trainingSessionList(trainingSessionConditions(args.filter, regions), args.orderBy, pageWindow(args));
  const grain = trainingGrainAnswering(args.filter);
  return { ...list, ...(grain ? { count: countSessionsFromRollups(grain, args.filter) } : {}) };
};
