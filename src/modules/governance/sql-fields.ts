import { governanceIndicators, governanceMetrics } from '../../db/schema';
import type { GovernanceIndicator, GovernanceMetric } from '../../generated/graphql';
import {
  column,
  decimal,
  globalId,
  instant,
  provenance,
  reference,
  type SqlFieldsOf,
  type SqlRootField,
  type SqlType,
} from '../compiled-reads/fields';
import { GOVERNANCE_METRICS } from './lists';
import { GOVERNANCE_METRIC_FIELD_COLUMNS } from './mappers';

const metricFields: SqlFieldsOf<GovernanceMetric> = {
  id: globalId('GovernanceMetric', governanceMetrics.id),
  indicator: reference('GovernanceIndicator', governanceMetrics.indicatorCode),
  scope: column(governanceMetrics.scope),
  organization: reference('Organization', governanceMetrics.organizationId),
  region: reference('Region', governanceMetrics.regionCode),
  periodStart: column(governanceMetrics.periodStart),
  periodEnd: column(governanceMetrics.periodEnd),
  value: decimal(governanceMetrics.value),
  valueQualifier: column(governanceMetrics.valueQualifier),
  target: decimal(governanceMetrics.target),
  provenance: provenance(governanceMetrics.provenanceKind, governanceMetrics.sourceId),
  createdAt: instant(governanceMetrics.createdAt),
  updatedAt: instant(governanceMetrics.updatedAt),
  version: column(governanceMetrics.version),
  history: null,
};

const indicatorFields: SqlFieldsOf<GovernanceIndicator> = {
  code: column(governanceIndicators.code),
  name: column(governanceIndicators.name),
  description: column(governanceIndicators.description),
  unit: column(governanceIndicators.unit),
};

export const GOVERNANCE_METRIC_SQL: SqlType = {
  table: governanceMetrics,
  key: governanceMetrics.id,
  fields: metricFields,
  reads: GOVERNANCE_METRIC_FIELD_COLUMNS,
};
export const GOVERNANCE_INDICATOR_SQL: SqlType = {
  table: governanceIndicators,
  key: governanceIndicators.code,
  fields: indicatorFields,
};

export const GOVERNANCE_ROOT_SQL: Record<string, SqlRootField> = {
  governanceMetrics: { kind: 'list', type: 'GovernanceMetric', list: GOVERNANCE_METRICS },
};
