import DataLoader from 'dataloader';
import type { Db } from '../../db/client';
import { findRecordChangesByIds } from './store';

export const historyLoaders = (db: Db) => ({
  recordChangeById: new DataLoader((ids: readonly string[]) => findRecordChangesByIds(db, ids)),
});
