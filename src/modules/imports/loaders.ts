import DataLoader from 'dataloader';
import type { Db } from '../../db/client';
import { findImportsByIds } from './store';

export const importLoaders = (db: Db) => ({
  importById: new DataLoader((ids: readonly string[]) => findImportsByIds(db, ids)),
});
