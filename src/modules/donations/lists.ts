import type { donations } from '../../db/schema';
import type { QueryDonationsArgs } from '../../generated/graphql';
import { pageWindow } from '../pagination/arguments';
import type { ListBuilder } from '../pagination/lists';
import { donationConditions, donationList } from './store';

/** `Query.donations`. */
export const DONATIONS: ListBuilder<typeof donations, QueryDonationsArgs> = (args) =>
  donationList(donationConditions(args.filter), args.orderBy, pageWindow(args));
