import DataLoader from 'dataloader';
import type { Db } from '../../db/client';
import { findGovernanceIndicatorsByCodes, findGovernanceMetricsByIds } from './store';

export const governanceLoaders = (db: Db) => ({
  governanceMetricById: new DataLoader((ids: readonly string[]) => findGovernanceMetricsByIds(db, ids)),
  governanceIndicatorByCode: new DataLoader((codes: readonly string[]) => findGovernanceIndicatorsByCodes(db, codes)),
});
