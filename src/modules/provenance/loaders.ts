import DataLoader from 'dataloader';
import type { Db } from '../../db/client';
import { findSourcesByIds } from './store';

export const provenanceLoaders = (db: Db) => ({
  sourceById: new DataLoader((ids: readonly string[]) => findSourcesByIds(db, ids)),
});
