import type { QueryResolvers, SourceResolvers } from '../../generated/graphql';
import { toGlobalId } from '../node/global-id';
import { PUBLISHER_NOT_STATED } from './mappers';
import { findReportedSources } from './store';

export const Query: QueryResolvers = {
  sources: (_root, _args, ctx) => findReportedSources(ctx.db),
};

export const Source: SourceResolvers = {
  id: (s) => toGlobalId('Source', s.id),
  publisher: (s) => s.publisher ?? PUBLISHER_NOT_STATED,
  publishedBy: (s) => s.publisher,
  supports: (s, _args, ctx) => ctx.loaders.sourceSupportById.load(s.id),
};
