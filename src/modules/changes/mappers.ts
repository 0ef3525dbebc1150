import type { FeedChangeRow } from './store';

/** A page of the feed, as `Query.changes` answers it. */
export interface ChangeFeedPage {
  changes: FeedChangeRow[];
  /** encoded; where the next page starts */
  cursor: string;
  hasMore: boolean;
}
