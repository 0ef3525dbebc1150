import { LoaderFamily } from './batching/loader-family';
import type { Db } from './db/client';
import { donationLoaders } from './modules/donations/loaders';
import { governanceLoaders } from './modules/governance/loaders';
import { historyLoaders } from './modules/history/loaders';
import { importLoaders } from './modules/imports/loaders';
import { organizationLoaders } from './modules/organizations/loaders';
import type { Page } from './modules/pagination/store';
import { projectLoaders } from './modules/projects/loaders';
import { provenanceLoaders } from './modules/provenance/loaders';
import { sourceLoaders } from './modules/sources/loaders';
import { trainingSessionLoaders } from './modules/training-sessions/loaders';
import { webhookLoaders } from './modules/webhooks/loaders';

/** Every loader of a request, made fresh per request so nothing is cached across callers. */
export function createLoaders(db: Db) {
  return {
    ...organizationLoaders(db),
    ...projectLoaders(db),
    ...donationLoaders(db),
    ...trainingSessionLoaders(db),
    ...governanceLoaders(db),
    ...provenanceLoaders(db),
    ...sourceLoaders(db),
    ...historyLoaders(db),
    ...importLoaders(db),
    ...webhookLoaders(db),
    /** child-list pages per parent, one loader per field, arguments and selected columns */
    pages: new LoaderFamily<string, Page<unknown>>(),
    /** child-list counts per parent, one loader per field and filter */
    counts: new LoaderFamily<string, number>(),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
