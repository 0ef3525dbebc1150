import DataLoader from 'dataloader';
import type { Context } from '../../context';
import type { Db } from '../../db/client';
import type { RecordEntity } from './changes';
import { findRecordChangesByIds } from './store';

export const historyLoaders = (db: Db) => ({
  recordChangeById: new DataLoader((ids: readonly string[]) => findRecordChangesByIds(db, ids)),
});

/** The written record a history row or a change is about, through the request's loaders; null if gone. */
export function loadChangedRecord(ctx: Context, entity: RecordEntity, recordId: string) {
  const loaders = {
    DONATION: ctx.loaders.donationById,
    PROJECT: ctx.loaders.projectById,
    PROJECT_REPORT: ctx.loaders.projectReportById,
    TRAINING_SESSION: ctx.loaders.trainingSessionById,
    GOVERNANCE_METRIC: ctx.loaders.governanceMetricById,
  } as const;
  return loaders[entity].load(recordId);
}
