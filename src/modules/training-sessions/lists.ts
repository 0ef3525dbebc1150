import type { trainingSessions } from '../../db/schema';
import type { QueryTrainingSessionsArgs } from '../../generated/graphql';
import { pageWindow } from '../pagination/arguments';
import type { ListBuilder } from '../pagination/lists';
import { trainingSessionConditions, trainingSessionList } from './store';

/** `Query.trainingSessions`. */
export const TRAINING_SESSIONS: ListBuilder<typeof trainingSessions, QueryTrainingSessionsArgs> = (args, regions) =>
  trainingSessionList(trainingSessionConditions(args.filter, regions), args.orderBy, pageWindow(args));
