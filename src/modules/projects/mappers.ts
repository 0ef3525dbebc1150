import type { projectReports, projects } from '../../db/schema';
import type { Project, ProjectReport } from '../../generated/graphql';
import type { FieldColumns } from '../pagination/selection';

export type ProjectRow = typeof projects.$inferSelect;
export type ProjectReportRow = typeof projectReports.$inferSelect;

/** What each Project field reads of its row; lists of projects select only these. */
export const PROJECT_FIELD_COLUMNS: FieldColumns<Project, ProjectRow> = {
  id: ['id'],
  name: ['name'],
  organization: ['organizationId'],
  category: ['category'],
  fundingChannel: ['fundingChannel'],
  status: ['status'],
  region: ['regionCode'],
  startsOn: ['startsOn'],
  endsOn: ['endsOn'],
  budget: ['budget'],
  beneficiaryCount: ['beneficiaryCount'],
  targetGroups: ['targetGroups'],
  provenance: ['provenanceKind', 'sourceId'],
  createdAt: ['createdAt'],
  updatedAt: ['updatedAt'],
  version: ['version'],
  history: ['id'],
  donations: ['id'],
  reports: ['id'],
  donationSummary: ['id'],
};

/** What each ProjectReport field reads of its row; lists of reports select only these. */
export const PROJECT_REPORT_FIELD_COLUMNS: FieldColumns<ProjectReport, ProjectReportRow> = {
  id: ['id'],
  project: ['projectId'],
  periodStart: ['periodStart'],
  periodEnd: ['periodEnd'],
  summary: ['summary'],
  beneficiariesReached: ['beneficiariesReached'],
  spent: ['spent'],
  provenance: ['provenanceKind', 'sourceId'],
  createdAt: ['createdAt'],
  updatedAt: ['updatedAt'],
  version: ['version'],
  history: ['id'],
};

/** A project written, and whether this created it. */
export interface ProjectWritten {
  project: ProjectRow;
  created: boolean;
}

/** The success of `submitProjectReport`. */
export interface ProjectReportWritten {
  report: ProjectReportRow;
}
