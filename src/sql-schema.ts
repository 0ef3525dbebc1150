import type { SqlSchema } from './modules/compiled-reads/compile';
import { DONATION_ROOT_SQL, DONATION_SQL } from './modules/donations/sql-fields';
import { GOVERNANCE_INDICATOR_SQL, GOVERNANCE_METRIC_SQL, GOVERNANCE_ROOT_SQL } from './modules/governance/sql-fields';
import { NODE_ROOT_SQL } from './modules/node/sql-fields';
import { ORGANIZATION_ROOT_SQL, ORGANIZATION_SQL } from './modules/organizations/sql-fields';
import { PROJECT_REPORT_SQL, PROJECT_ROOT_SQL, PROJECT_SQL } from './modules/projects/sql-fields';
import { SOURCE_SQL } from './modules/sources/sql-fields';
import { REGION_SQL } from './modules/regions/sql-fields';
import { TRAINING_SESSION_ROOT_SQL, TRAINING_SESSION_SQL } from './modules/training-sessions/sql-fields';

/** What one SQL statement can answer: every module's table types and root fields, once. */
export const sqlSchema: SqlSchema = {
  types: {
    Organization: ORGANIZATION_SQL,
    Project: PROJECT_SQL,
    ProjectReport: PROJECT_REPORT_SQL,
    Donation: DONATION_SQL,
    TrainingSession: TRAINING_SESSION_SQL,
    GovernanceMetric: GOVERNANCE_METRIC_SQL,
    GovernanceIndicator: GOVERNANCE_INDICATOR_SQL,
    Region: REGION_SQL,
    Source: SOURCE_SQL,
  },
  roots: {
    ...ORGANIZATION_ROOT_SQL,
    ...PROJECT_ROOT_SQL,
    ...DONATION_ROOT_SQL,
    ...TRAINING_SESSION_ROOT_SQL,
    ...GOVERNANCE_ROOT_SQL,
    ...NODE_ROOT_SQL,
  },
};
