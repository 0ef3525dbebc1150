import type { ExportEntity, ExportFilter } from '../../generated/graphql';
import { sqlSchema } from '../../sql-schema';
import type { SqlType } from '../compiled-reads/fields';
import { DONATIONS } from '../donations/lists';
import { GOVERNANCE_METRICS } from '../governance/lists';
import { ORGANIZATIONS } from '../organizations/lists';
import type { ListBuilder } from '../pagination/lists';
import type { PagedTable } from '../pagination/store';
import { PROJECTS } from '../projects/lists';
import { TRAINING_SESSIONS } from '../training-sessions/lists';

/** What an export of one list reads: the list itself (its filter and order), and the type of its rows. */
export interface ExportedList {
  /** the list's builder: the export takes its conditions and its default order, never its page */
  list: ListBuilder<PagedTable, { filter?: unknown }>;
  /** the row type whose fields the file holds */
  type: SqlType;
  /** the field of `ExportFilter` that holds this list's filter */
  filterField: keyof ExportFilter;
  /** the file's name before its extension */
  fileStem: string;
}

const listed = (list: ListBuilder<any, any>) => list as ListBuilder<PagedTable, { filter?: unknown }>;

export const EXPORTED_LISTS: Readonly<Record<ExportEntity, ExportedList>> = {
  ORGANIZATIONS: {
    list: listed(ORGANIZATIONS),
    type: sqlSchema.types['Organization']!,
    filterField: 'organizations',
    fileStem: 'organizations',
  },
  PROJECTS: {
    list: listed(PROJECTS),
    type: sqlSchema.types['Project']!,
    filterField: 'projects',
    fileStem: 'projects',
  },
  DONATIONS: {
    list: listed(DONATIONS),
    type: sqlSchema.types['Donation']!,
    filterField: 'donations',
    fileStem: 'donations',
  },
  TRAINING_SESSIONS: {
    list: listed(TRAINING_SESSIONS),
    type: sqlSchema.types['TrainingSession']!,
    filterField: 'trainingSessions',
    fileStem: 'training-sessions',
  },
  GOVERNANCE_METRICS: {
    list: listed(GOVERNANCE_METRICS),
    type: sqlSchema.types['GovernanceMetric']!,
    filterField: 'governanceMetrics',
    fileStem: 'governance-metrics',
  },
};
