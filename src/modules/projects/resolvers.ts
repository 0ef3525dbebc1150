import { donations, projectReports, projects } from '../../db/schema';
import type { ProjectReportResolvers, ProjectResolvers, QueryResolvers } from '../../generated/graphql';
import { summaryOf } from '../donations/loaders';
import { DONATION_FIELD_COLUMNS } from '../donations/mappers';
import { amount } from '../money/amount';
import { expectGlobalId, toGlobalId } from '../node/global-id';
import { childConnection, rootConnection } from '../pagination/lists';
import { selectedColumns } from '../pagination/selection';
import { PROJECT_FIELD_COLUMNS, PROJECT_REPORT_FIELD_COLUMNS } from './mappers';
import { PROJECTS, PROJECT_DONATIONS, PROJECT_REPORTS } from './lists';

export const Query: QueryResolvers = {
  project: (_root, { id }, ctx) => ctx.loaders.projectById.load(expectGlobalId(id, 'Project', 'id')),
  projects: (_root, args, ctx, info) =>
    rootConnection(ctx.db, PROJECTS(args, ctx.regions), selectedColumns(info, projects, PROJECT_FIELD_COLUMNS)),
};

export const Project: ProjectResolvers = {
  id: (p) => toGlobalId('Project', p.id),
  organization: async (p, _args, ctx) => (await ctx.loaders.organizationById.load(p.organizationId))!,
  region: (p, _args, ctx) => ctx.regions.get(p.regionCode),
  budget: (p) => amount(p.budget),
  provenance: (p) => p,
  donations: (p, args, ctx, info) =>
    childConnection(ctx, PROJECT_DONATIONS, p.id, args, selectedColumns(info, donations, DONATION_FIELD_COLUMNS)),
  reports: (p, args, ctx, info) =>
    childConnection(
      ctx,
      PROJECT_REPORTS,
      p.id,
      args,
      selectedColumns(info, projectReports, PROJECT_REPORT_FIELD_COLUMNS),
    ),
  donationSummary: (p, _args, ctx) => summaryOf(ctx.loaders.donationSummaryByProjectId, p.id),
};

export const ProjectReport: ProjectReportResolvers = {
  id: (r) => toGlobalId('ProjectReport', r.id),
  project: async (r, _args, ctx) => (await ctx.loaders.projectById.load(r.projectId))!,
  spent: (r) => amount(r.spent),
  provenance: (r) => r,
};
