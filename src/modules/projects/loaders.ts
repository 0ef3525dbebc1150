import DataLoader from 'dataloader';
import type { Db } from '../../db/client';
import { findProjectReportsByIds, findProjectsByIds } from './store';

export const projectLoaders = (db: Db) => ({
  projectById: new DataLoader((ids: readonly string[]) => findProjectsByIds(db, ids)),
  projectReportById: new DataLoader((ids: readonly string[]) => findProjectReportsByIds(db, ids)),
});
