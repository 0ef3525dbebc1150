import { donations, governanceMetrics, projects, trainingSessions } from '../../db/schema';
import type {
  OrganizationDonationsGivenArgs,
  OrganizationDonationsReceivedArgs,
  OrganizationGovernanceMetricsArgs,
  OrganizationProjectsArgs,
  OrganizationTrainingSessionsArgs,
  QueryOrganizationsArgs,
} from '../../generated/graphql';
import { donationList } from '../donations/store';
import { governanceMetricConditions, governanceMetricList } from '../governance/store';
import { pageWindow } from '../pagination/arguments';
import type { ChildList, ListBuilder } from '../pagination/lists';
import { projectList } from '../projects/store';
import { trainingSessionConditions, trainingSessionList } from '../training-sessions/store';
import { organizationConditions, organizationList } from './store';
import type { organizations } from '../../db/schema';

/** `Query.organizations`: best match first when searching without an order. */
export const ORGANIZATIONS: ListBuilder<typeof organizations, QueryOrganizationsArgs> = (args, regions) =>
  organizationList(organizationConditions(args.filter, regions), args.orderBy, pageWindow(args), args.filter?.search);

/** `Organization.projects`: the filter's `organizationId` is ignored. */
export const ORGANIZATION_PROJECTS: ChildList<typeof projects, OrganizationProjectsArgs> = {
  relation: 'Organization.projects',
  parent: projects.organizationId,
  query: (args, regions) =>
    projectList({ ...args.filter, organizationId: null }, regions, args.orderBy, pageWindow(args)),
};

/** `Organization.donationsGiven`: the filter's `donorId` is ignored. */
export const ORGANIZATION_DONATIONS_GIVEN: ChildList<typeof donations, OrganizationDonationsGivenArgs> = {
  relation: 'Organization.donationsGiven',
  parent: donations.donorId,
  query: (args) => donationList({ ...args.filter, donorId: null }, args.orderBy, pageWindow(args)),
};

/** `Organization.donationsReceived`: the filter's `recipientId` is ignored. */
export const ORGANIZATION_DONATIONS_RECEIVED: ChildList<typeof donations, OrganizationDonationsReceivedArgs> = {
  relation: 'Organization.donationsReceived',
  parent: donations.recipientId,
  query: (args) => donationList({ ...args.filter, recipientId: null }, args.orderBy, pageWindow(args)),
};

/** `Organization.trainingSessions`: the filter's `organizerId` is ignored. */
export const ORGANIZATION_TRAINING_SESSIONS: ChildList<typeof trainingSessions, OrganizationTrainingSessionsArgs> = {
  relation: 'Organization.trainingSessions',
  parent: trainingSessions.organizerId,
  query: (args, regions) =>
    trainingSessionList(
      trainingSessionConditions({ ...args.filter, organizerId: null }, regions),
      args.orderBy,
      pageWindow(args),
    ),
};

/** `Organization.governanceMetrics`: the filter's `organizationId` is ignored. */
export const ORGANIZATION_GOVERNANCE_METRICS: ChildList<typeof governanceMetrics, OrganizationGovernanceMetricsArgs> = {
  relation: 'Organization.governanceMetrics',
  parent: governanceMetrics.organizationId,
  query: (args, regions) =>
    governanceMetricList(
      governanceMetricConditions({ ...args.filter, organizationId: null }, regions),
      args.orderBy,
      pageWindow(args),
    ),
};
