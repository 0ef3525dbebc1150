import type { governanceMetrics } from '../../db/schema';
import type { QueryGovernanceMetricsArgs } from '../../generated/graphql';
import { pageWindow } from '../pagination/arguments';
import type { ListBuilder } from '../pagination/lists';
import { governanceMetricConditions, governanceMetricList } from './store';

/** `Query.governanceMetrics`. */
export const GOVERNANCE_METRICS: ListBuilder<typeof governanceMetrics, QueryGovernanceMetricsArgs> = (args, regions) =>
  governanceMetricList(governanceMetricConditions(args.filter, regions), args.orderBy, pageWindow(args));
