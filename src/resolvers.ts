import type { Resolvers } from './generated/graphql';
import * as access from './modules/access/resolvers';
import * as changes from './modules/changes/resolvers';
import { FieldValues } from './modules/changes/field-values';
import * as donations from './modules/donations/resolvers';
import * as governance from './modules/governance/resolvers';
import * as history from './modules/history/resolvers';
import * as imports from './modules/imports/resolvers';
import * as exportsModule from './modules/exports/resolvers';
import * as node from './modules/node/resolvers';
import * as organizations from './modules/organizations/resolvers';
import { connectionResolvers, pageInfoResolvers } from './modules/pagination/connection';
import * as projects from './modules/projects/resolvers';
import * as provenance from './modules/provenance/resolvers';
import * as regions from './modules/regions/resolvers';
import * as sources from './modules/sources/resolvers';
import { DateScalar, DateTimeScalar } from './modules/scalars/dates';
import { Decimal } from './modules/scalars/decimal';
import * as trainingSessions from './modules/training-sessions/resolvers';
import * as webhooks from './modules/webhooks/resolvers';

/** The API's table of contents: every module's resolvers, once. */
export const resolvers: Resolvers = {
  Decimal,
  Date: DateScalar,
  DateTime: DateTimeScalar,
  FieldValues,
  Query: {
    ...node.Query,
    ...organizations.Query,
    ...projects.Query,
    ...donations.Query,
    ...trainingSessions.Query,
    ...governance.Query,
    ...sources.Query,
    ...access.Query,
    ...history.Query,
    ...webhooks.Query,
    ...changes.Query,
  },
  Mutation: {
    ...donations.Mutation,
    ...projects.Mutation,
    ...trainingSessions.Mutation,
    ...governance.Mutation,
    ...access.Mutation,
    ...imports.Mutation,
    ...exportsModule.Mutation,
    ...webhooks.Mutation,
  },
  Node: node.Node,
  Region: regions.Region,
  Provenance: provenance.Provenance,
  Source: sources.Source,
  PageInfo: pageInfoResolvers,
  Organization: organizations.Organization,
  OrganizationGroup: organizations.OrganizationGroup,
  OrganizationConnection: connectionResolvers,
  Project: projects.Project,
  ProjectConnection: connectionResolvers,
  ProjectReport: projects.ProjectReport,
  ProjectReportConnection: connectionResolvers,
  UpsertProjectResult: projects.UpsertProjectResult,
  SubmitProjectReportResult: projects.SubmitProjectReportResult,
  Donation: donations.Donation,
  DonationConnection: connectionResolvers,
  Disbursement: donations.Disbursement,
  RecordDonationResult: donations.RecordDonationResult,
  RecordDisbursementResult: donations.RecordDisbursementResult,
  VerifyDonationResult: donations.VerifyDonationResult,
  CorrectDonationResult: donations.CorrectDonationResult,
  CancelDonationResult: donations.CancelDonationResult,
  DonationSummary: donations.DonationSummary,
  DonationGroup: donations.DonationGroup,
  TrainingSession: trainingSessions.TrainingSession,
  TrainingSessionConnection: connectionResolvers,
  TrainingProgress: trainingSessions.TrainingProgress,
  RecordTrainingSessionResult: trainingSessions.RecordTrainingSessionResult,
  GovernanceMetric: governance.GovernanceMetric,
  GovernanceMetricConnection: connectionResolvers,
  RecordGovernanceMetricResult: governance.RecordGovernanceMetricResult,
  RecordChange: history.RecordChange,
  RecordChangeConnection: connectionResolvers,
  Actor: history.Actor,
  Change: changes.Change,
  Import: imports.Import,
  ImportErrorConnection: connectionResolvers,
  ImportRecordsResult: imports.ImportRecordsResult,
  Export: exportsModule.Export,
  ExportConnection: connectionResolvers,
  StartExportResult: exportsModule.StartExportResult,
  WebhookSubscription: webhooks.WebhookSubscription,
  WebhookSubscriptionConnection: connectionResolvers,
  WebhookDelivery: webhooks.WebhookDelivery,
  WebhookDeliveryConnection: connectionResolvers,
  CreateWebhookSubscriptionResult: webhooks.CreateWebhookSubscriptionResult,
  DeleteWebhookSubscriptionResult: webhooks.DeleteWebhookSubscriptionResult,
  Viewer: { ...access.Viewer, ...exportsModule.Viewer },
  ApiKey: access.ApiKey,
  CreateApiKeyResult: access.CreateApiKeyResult,
  RevokeApiKeyResult: access.RevokeApiKeyResult,
  RateLimit: access.RateLimit,
};
