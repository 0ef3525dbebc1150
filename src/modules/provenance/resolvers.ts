import type { ProvenanceResolvers } from '../../generated/graphql';

export const Provenance: ProvenanceResolvers = {
  kind: (p) => p.provenanceKind,
  source: (p, _args, ctx) => (p.sourceId ? ctx.loaders.sourceById.load(p.sourceId) : null),
};
