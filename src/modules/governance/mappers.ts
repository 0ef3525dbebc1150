import type { governanceIndicators, governanceMetrics } from '../../db/schema';

export type GovernanceMetricRow = typeof governanceMetrics.$inferSelect;
export type GovernanceIndicatorRow = typeof governanceIndicators.$inferSelect;
