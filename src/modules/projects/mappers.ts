import type { projectReports, projects } from '../../db/schema';

export type ProjectRow = typeof projects.$inferSelect;
export type ProjectReportRow = typeof projectReports.$inferSelect;
