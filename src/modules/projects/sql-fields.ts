import { projectReports, projects } from '../../db/schema';
import type { Project, ProjectReport } from '../../generated/graphql';
import {
  amount,
  byGlobalId,
  column,
  globalId,
  instant,
  list,
  provenance,
  reference,
  type SqlFieldsOf,
  type SqlRootField,
  type SqlType,
} from '../compiled-reads/fields';
import { PROJECTS, PROJECT_DONATIONS, PROJECT_REPORTS } from './lists';
import { PROJECT_FIELD_COLUMNS, PROJECT_REPORT_FIELD_COLUMNS } from './mappers';

const projectFields: SqlFieldsOf<Project> = {
  id: globalId('Project', projects.id),
  name: column(projects.name),
  organization: reference('Organization', projects.organizationId),
  category: column(projects.category),
  fundingChannel: column(projects.fundingChannel),
  status: column(projects.status),
  region: reference('Region', projects.regionCode),
  startsOn: column(projects.startsOn),
  endsOn: column(projects.endsOn),
  budget: amount(projects.budget),
  beneficiaryCount: column(projects.beneficiaryCount),
  targetGroups: column(projects.targetGroups),
  provenance: provenance(projects.provenanceKind, projects.sourceId),
  createdAt: instant(projects.createdAt),
  updatedAt: instant(projects.updatedAt),
  version: column(projects.version),
  history: null,
  donations: list('Donation', PROJECT_DONATIONS),
  reports: list('ProjectReport', PROJECT_REPORTS),
  donationSummary: null,
};

const reportFields: SqlFieldsOf<ProjectReport> = {
  id: globalId('ProjectReport', projectReports.id),
  project: reference('Project', projectReports.projectId),
  periodStart: column(projectReports.periodStart),
  periodEnd: column(projectReports.periodEnd),
  summary: column(projectReports.summary),
  beneficiariesReached: column(projectReports.beneficiariesReached),
  spent: amount(projectReports.spent),
  provenance: provenance(projectReports.provenanceKind, projectReports.sourceId),
  createdAt: instant(projectReports.createdAt),
  updatedAt: instant(projectReports.updatedAt),
  version: column(projectReports.version),
  history: null,
};

export const PROJECT_SQL: SqlType = {
  table: projects,
  key: projects.id,
  fields: projectFields,
  reads: PROJECT_FIELD_COLUMNS,
};
export const PROJECT_REPORT_SQL: SqlType = {
  table: projectReports,
  key: projectReports.id,
  fields: reportFields,
  reads: PROJECT_REPORT_FIELD_COLUMNS,
};

export const PROJECT_ROOT_SQL: Record<string, SqlRootField> = {
  projects: { kind: 'list', type: 'Project', list: PROJECTS },
  project: byGlobalId('Project', projects.id),
};
