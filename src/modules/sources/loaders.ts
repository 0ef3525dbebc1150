import DataLoader from 'dataloader';
import type { Db } from '../../db/client';
import { countRecordsBySourceIds } from './store';

export const sourceLoaders = (db: Db) => ({
  sourceSupportById: new DataLoader((ids: readonly string[]) => countRecordsBySourceIds(db, ids)),
});
