import { governanceMetrics } from '../../db/schema';
import type {
  GovernanceMetricResolvers,
  MutationResolvers,
  QueryResolvers,
  RecordGovernanceMetricResultResolvers,
} from '../../generated/graphql';
import { toGlobalId } from '../node/global-id';
import { rootConnection } from '../pagination/lists';
import { selectedColumns } from '../pagination/selection';
import { GOVERNANCE_METRIC_FIELD_COLUMNS } from './mappers';
import { findGovernanceIndicators } from './store';
import { GOVERNANCE_METRICS } from './lists';
import { history } from '../history/resolvers';
import { isUserError, successOrUserError } from '../mutations/user-error';
import { write } from '../mutations/write';
import { readGovernanceMetricInput } from './validation';
import { GOVERNANCE_METRIC_CONSTRAINTS, recordGovernanceMetrics } from './writes';

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
  history,
};

export const Mutation: MutationResolvers = {
  recordGovernanceMetric: (_root, { input }, ctx) =>
    write(ctx, GOVERNANCE_METRIC_CONSTRAINTS, async (tx, writer) => {
      const draft = readGovernanceMetricInput(input, 'input.');
      if (isUserError(draft)) return draft;
      const [metric] = await recordGovernanceMetrics(tx, writer, [draft], 'input.');
      return isUserError(metric!) ? metric! : { metric: metric! };
    }),
};

export const RecordGovernanceMetricResult: RecordGovernanceMetricResultResolvers = {
  __resolveType: successOrUserError('RecordGovernanceMetricSuccess'),
};
