import type { donations } from '../../db/schema';
import type { QueryDonationsArgs } from '../../generated/graphql';
import { pageWindow } from '../pagination/arguments';
import type { ListBuilder } from '../pagination/lists';
import { grainAnswering } from '../statistics/donation-grains';
import { countFromRollups } from '../statistics/store';
import { donationList } from './store';

/**
 * `Query.donations`. Its `totalCount` comes from the donation rollups when a grain keeps every
 * dimension the filter names (statuses, purpose, donor types and industries, whole months,
 * provenance): a few hundred rollup rows summed instead of every matching donation counted.
 */
export const DONATIONS: ListBuilder<typeof donations, QueryDonationsArgs> = (args) => {
  const grain = grainAnswering(args.filter);
  return {
    ...donationList(args.filter, args.orderBy, pageWindow(args)),
    ...(grain ? { count: countFromRollups(grain, args.filter) } : {}),
  };
};
