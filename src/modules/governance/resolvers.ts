import { governanceMetrics } from '../../db/schema';
import type { GovernanceMetricResolvers, QueryResolvers } from '../../generated/graphql';
import { toGlobalId } from '../node/global-id';
import { rootConnection } from '../pagination/lists';
import { selectedColumns } from '../pagination/selection';
import { GOVERNANCE_METRIC_FIELD_COLUMNS } from './mappers';
import { findGovernanceIndicators } from './store';
import { GOVERNANCE_METRICS } from './lists';

export const Query: QueryResolvers = {
  governanceIndicators: (_root, _args, ctx) => findGovernanceIndicators(ctx.db),
  governanceMetrics: (_root, args, ctx, info) =>
    rootConnection(
      ctx.db,
      GOVERNANCE_METRICS(args, ctx.regions),
      selectedColumns(info, governanceMetrics, GOVERNANCE_METRIC_FIELD_COLUMNS),
    ),
};

export const GovernanceMetric: GovernanceMetricResolvers = {
  id: (m) => toGlobalId('GovernanceMetric', m.id),
  indicator: async (m, _args, ctx) => (await ctx.loaders.governanceIndicatorByCode.load(m.indicatorCode))!,
  organization: (m, _args, ctx) => (m.organizationId ? ctx.loaders.organizationById.load(m.organizationId) : null),
  region: (m, _args, ctx) => ctx.regions.get(m.regionCode),
  provenance: (m) => m,
};
