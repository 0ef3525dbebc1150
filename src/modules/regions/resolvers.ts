import type { RegionResolvers } from '../../generated/graphql';

export const Region: RegionResolvers = {
  parent: (region, _args, ctx) => ctx.regions.get(region.parentCode),
};
