import { donations, projectReports, projects } from '../../db/schema';
import type { ProjectReportResolvers, ProjectResolvers, QueryResolvers } from '../../generated/graphql';
import { summaryOf } from '../donations/loaders';
import { DONATION_FIELD_COLUMNS } from '../donations/mappers';
import { donationConditions, donationList } from '../donations/store';
import { amount } from '../money/amount';
import { expectGlobalId, toGlobalId } from '../node/global-id';
import { pageWindow } from '../pagination/arguments';
import { childConnection, rootConnection } from '../pagination/lists';
import { selectedColumns } from '../pagination/selection';
import { PROJECT_FIELD_COLUMNS, PROJECT_REPORT_FIELD_COLUMNS } from './mappers';
import { projectConditions, projectList, projectReportList } from './store';

export const Query: QueryResolvers = {
  project: (_root, { id }, ctx) => ctx.loaders.projectById.load(expectGlobalId(id, 'Project', 'id')),
  projects: (_root, args, ctx, info) =>
    rootConnection(
      ctx.db,
      projectList(projectConditions(args.filter, ctx.regions), args.orderBy, pageWindow(args)),
      selectedColumns(info, projects, PROJECT_FIELD_COLUMNS),
    ),
};

export const Project: ProjectResolvers = {
  id: (p) => toGlobalId('Project', p.id),
  organization: async (p, _args, ctx) => (await ctx.loaders.organizationById.load(p.organizationId))!,
  region: (p, _args, ctx) => ctx.regions.get(p.regionCode),
  budget: (p) => amount(p.budget),
  provenance: (p) => p,
  donations: (p, args, ctx, info) =>
    childConnection(
      ctx,
      'Project.donations',
      donations.projectId,
      p.id,
      args,
      selectedColumns(info, donations, DONATION_FIELD_COLUMNS),
      () => donationList(donationConditions({ ...args.filter, projectId: null }), args.orderBy, pageWindow(args)),
    ),
  reports: (p, args, ctx, info) =>
    childConnection(
      ctx,
      'Project.reports',
      projectReports.projectId,
      p.id,
      args,
      selectedColumns(info, projectReports, PROJECT_REPORT_FIELD_COLUMNS),
      () => projectReportList(pageWindow(args)),
    ),
  donationSummary: (p, _args, ctx) => summaryOf(ctx.loaders.donationSummaryByProjectId, p.id),
};

export const ProjectReport: ProjectReportResolvers = {
  id: (r) => toGlobalId('ProjectReport', r.id),
  project: async (r, _args, ctx) => (await ctx.loaders.projectById.load(r.projectId))!,
  spent: (r) => amount(r.spent),
  provenance: (r) => r,
};
