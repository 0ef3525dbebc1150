import { donations, projectReports, type projects } from '../../db/schema';
import type { ProjectDonationsArgs, ProjectReportsArgs, QueryProjectsArgs } from '../../generated/graphql';
import { donationList } from '../donations/store';
import { pageWindow } from '../pagination/arguments';
import type { ChildList, ListBuilder } from '../pagination/lists';
import { projectList, projectReportList } from './store';

/** `Query.projects`. */
export const PROJECTS: ListBuilder<typeof projects, QueryProjectsArgs> = (args, regions) =>
  projectList(args.filter, regions, args.orderBy, pageWindow(args));

/** `Project.donations`: the filter's `projectId` is ignored. */
export const PROJECT_DONATIONS: ChildList<typeof donations, ProjectDonationsArgs> = {
  relation: 'Project.donations',
  parent: donations.projectId,
  query: (args) => donationList({ ...args.filter, projectId: null }, args.orderBy, pageWindow(args)),
};

/** `Project.reports`, latest period first. */
export const PROJECT_REPORTS: ChildList<typeof projectReports, ProjectReportsArgs> = {
  relation: 'Project.reports',
  parent: projectReports.projectId,
  query: (args) => projectReportList(pageWindow(args)),
};
