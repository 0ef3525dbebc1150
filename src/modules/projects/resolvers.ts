import { donations, projectReports, projects } from '../../db/schema';
import type {
  MutationResolvers,
  ProjectReportResolvers,
  ProjectResolvers,
  QueryResolvers,
  SubmitProjectReportResultResolvers,
  UpsertProjectResultResolvers,
} from '../../generated/graphql';
import { summaryOf } from '../donations/loaders';
import { DONATION_FIELD_COLUMNS } from '../donations/mappers';
import { amount } from '../money/amount';
import { expectGlobalId, toGlobalId } from '../node/global-id';
import { childConnection, rootConnection } from '../pagination/lists';
import { selectedColumns } from '../pagination/selection';
import { PROJECT_FIELD_COLUMNS, PROJECT_REPORT_FIELD_COLUMNS } from './mappers';
import { PROJECTS, PROJECT_DONATIONS, PROJECT_REPORTS } from './lists';
import { history } from '../history/resolvers';
import { isUserError, successOrUserError } from '../mutations/user-error';
import { write } from '../mutations/write';
import { readProjectInput, readProjectReportInput } from './validation';
import { PROJECT_CONSTRAINTS, submitProjectReports, upsertProjects } from './writes';

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
  history,
};

export const ProjectReport: ProjectReportResolvers = {
  id: (r) => toGlobalId('ProjectReport', r.id),
  project: async (r, _args, ctx) => (await ctx.loaders.projectById.load(r.projectId))!,
  spent: (r) => amount(r.spent),
  provenance: (r) => r,
  history,
};

export const Mutation: MutationResolvers = {
  upsertProject: (_root, { input }, ctx) =>
    write(ctx, PROJECT_CONSTRAINTS, async (tx, writer) => {
      const draft = readProjectInput(input, 'input.');
      if (isUserError(draft)) return draft;
      const [written] = await upsertProjects(tx, writer, [draft], 'input.');
      return written!;
    }),
  submitProjectReport: (_root, { input }, ctx) =>
    write(ctx, PROJECT_CONSTRAINTS, async (tx, writer) => {
      const draft = readProjectReportInput(input, 'input.');
      if (isUserError(draft)) return draft;
      const [report] = await submitProjectReports(tx, writer, [draft], 'input.');
      return isUserError(report!) ? report! : { report: report! };
    }),
};

export const UpsertProjectResult: UpsertProjectResultResolvers = {
  __resolveType: successOrUserError('UpsertProjectSuccess'),
};
export const SubmitProjectReportResult: SubmitProjectReportResultResolvers = {
  __resolveType: successOrUserError('SubmitProjectReportSuccess'),
};
