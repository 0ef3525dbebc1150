import type { Context } from '../../context';
import { BadUserInputError } from '../../errors';
import type { NodeResolvers, QueryResolvers, ResolversInterfaceTypes } from '../../generated/graphql';
import { MAX_PAGE_SIZE } from '../pagination/arguments';
import { visibleImport } from '../imports/resolvers';
import { visibleExport } from '../exports/resolvers';
import { visibleWebhookDelivery, visibleWebhookSubscription } from '../webhooks/resolvers';
import { isNodeType, parseGlobalId, type NodeType } from './global-id';

type NodeRow = ResolversInterfaceTypes<Record<string, never>>['Node'];

function loadNode(ctx: Context, globalId: string, argument: string): Promise<NodeRow | null> {
  const parsed = parseGlobalId(globalId);
  if (!parsed) throw new BadUserInputError(argument, 'is not a valid ID');
  if (!isNodeType(parsed.type)) return Promise.resolve(null);
  const loaders: Record<NodeType, { load: (id: string) => Promise<NodeRow | null> }> = {
    Organization: ctx.loaders.organizationById,
    Project: ctx.loaders.projectById,
    ProjectReport: ctx.loaders.projectReportById,
    Donation: ctx.loaders.donationById,
    TrainingSession: ctx.loaders.trainingSessionById,
    GovernanceMetric: ctx.loaders.governanceMetricById,
    RecordChange: ctx.loaders.recordChangeById,
    Import: { load: (id) => visibleImport(ctx, id) },
    Export: { load: (id) => visibleExport(ctx, id) },
    WebhookSubscription: { load: (id) => visibleWebhookSubscription(ctx, id) },
    WebhookDelivery: { load: (id) => visibleWebhookDelivery(ctx, id) },
    Source: ctx.loaders.sourceById,
  };
  return loaders[parsed.type].load(parsed.id);
}

export const Query: QueryResolvers = {
  node: (_root, { id }, ctx) => loadNode(ctx, id, 'id'),
  nodes: (_root, { ids }, ctx) => {
    if (ids.length > MAX_PAGE_SIZE)
      throw new BadUserInputError('ids', `may hold at most ${MAX_PAGE_SIZE} IDs, got ${ids.length}`);
    return Promise.all(ids.map((id, i) => loadNode(ctx, id, `ids[${i}]`)));
  },
};

/**
 * Rows carry no type tag; each node type has a column no other has. Nodes come from the by-id
 * loaders, which read whole rows: list rows hold only their selected columns and never reach here.
 */
export const Node: NodeResolvers = {
  __resolveType: (row) => {
    if ('registrationStatus' in row) return 'Organization';
    if ('fundingChannel' in row) return 'Project';
    if ('summary' in row) return 'ProjectReport';
    if ('donorName' in row) return 'Donation';
    if ('participantCount' in row) return 'TrainingSession';
    if ('actorName' in row) return 'RecordChange';
    if ('writtenCount' in row) return 'Import';
    if ('urlSecret' in row) return 'Export';
    if ('secret' in row) return 'WebhookSubscription';
    if ('attemptCount' in row) return 'WebhookDelivery';
    if ('publishedOn' in row) return 'Source';
    return 'GovernanceMetric';
  },
};
