import type { RegionResolvers } from '../../generated/graphql';

export const Region: RegionResolvers = {
  nameEn: (region) => region.nameEn ?? region.name,
  parent: (region, _args, ctx) => ctx.regions.get(region.parentCode),
};
