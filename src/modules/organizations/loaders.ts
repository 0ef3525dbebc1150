import DataLoader from 'dataloader';
import type { Db } from '../../db/client';
import { findOrganizationsByCreditCodes, findOrganizationsByIds } from './store';

export const organizationLoaders = (db: Db) => ({
  organizationById: new DataLoader((ids: readonly string[]) => findOrganizationsByIds(db, ids)),
  organizationByCreditCode: new DataLoader((codes: readonly string[]) => findOrganizationsByCreditCodes(db, codes)),
});
