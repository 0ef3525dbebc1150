import type { governanceIndicators, governanceMetrics } from '../../db/schema';
import type { GovernanceMetric } from '../../generated/graphql';
import type { FieldColumns } from '../pagination/selection';

export type GovernanceMetricRow = typeof governanceMetrics.$inferSelect;
export type GovernanceIndicatorRow = typeof governanceIndicators.$inferSelect;

/** What each GovernanceMetric field reads of its row; lists of metrics select only these. */
export const GOVERNANCE_METRIC_FIELD_COLUMNS: FieldColumns<GovernanceMetric, GovernanceMetricRow> = {
  id: ['id'],
  indicator: ['indicatorCode'],
  scope: ['scope'],
  organization: ['organizationId'],
  region: ['regionCode'],
  periodStart: ['periodStart'],
  periodEnd: ['periodEnd'],
  value: ['value'],
  valueQualifier: ['valueQualifier'],
  target: ['target'],
  provenance: ['provenanceKind', 'sourceId'],
  createdAt: ['createdAt'],
  updatedAt: ['updatedAt'],
  version: ['version'],
  history: ['id'],
};

/** The success of `recordGovernanceMetric`. */
export interface GovernanceMetricWritten {
  metric: GovernanceMetricRow;
}
