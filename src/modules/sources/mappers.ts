import type { sources } from '../../db/schema';
import type { SourceSupport } from '../../generated/graphql';

export type SourceRow = typeof sources.$inferSelect;

/** What `Source.publisher` (deprecated) says where a work names no publisher: 未注明, "not stated". */
export const PUBLISHER_NOT_STATED = '未注明';

/** How many records of each kind cite one source. */
export type SourceSupportRow = Omit<SourceSupport, '__typename'>;
