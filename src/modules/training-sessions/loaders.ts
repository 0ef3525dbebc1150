import DataLoader from 'dataloader';
import type { Db } from '../../db/client';
import { findTrainingSessionsByIds } from './store';

export const trainingSessionLoaders = (db: Db) => ({
  trainingSessionById: new DataLoader((ids: readonly string[]) => findTrainingSessionsByIds(db, ids)),
});
