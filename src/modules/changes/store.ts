import { sql } from 'drizzle-orm';
import { rows, type Db } from '../../db/client';
import type { RecordEntity } from '../history/changes';

/** A place in the change feed: a commit's number and a history row's position within it. */
export interface FeedPosition {
  sequence: string;
  position: string;
}

/** One history row as the change feed gives it, with its commit's place and time. */
export interface FeedChangeRow {
  sequence: string;
  position: string;
  committedAt: string;
  id: string;
  entity: RecordEntity;
  recordId: string;
  version: number;
  action: 'CREATED' | 'UPDATED' | 'DISBURSED' | 'VERIFIED' | 'CORRECTED' | 'CANCELLED';
  reason: string | null;
  actorKeyId: string | null;
  actorName: string;
  actorOrganizationId: string | null;
  before: Record<string, string | null> | null;
  after: Record<string, string | null>;
  changedAt: string;
}

/**
 * Up to `limit` history rows after `after` (from the start when null), in commit order and, within
 * a commit, in the order written; only `entities` when given. Only committed transactions are
 * numbered (migrations/0004_change_commits.sql), so a row read here is never followed by one that
 * commits with a smaller place.
 */
export async function findChangesAfter(
  db: Db,
  after: FeedPosition | null,
  entities: readonly RecordEntity[] | null,
  limit: number,
): Promise<FeedChangeRow[]> {
  const from = after ?? { sequence: '0', position: '0' };
  const entityCondition =
    entities === null ? sql`` : sql`and c.entity = any(${`{${entities.join(',')}}`}::record_entity[])`;
  return rows<FeedChangeRow>(
    db,
    sql`
      select t.sequence::text as "sequence", c.position::text as "position",
             to_char(t.committed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "committedAt",
             c.id, c.entity, c.record_id as "recordId", c.version, c.action, c.reason,
             c.actor_key_id as "actorKeyId", c.actor_name as "actorName",
             c.actor_organization_id as "actorOrganizationId", c.before, c.after,
             to_char(c.changed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "changedAt"
        from change_commits t
        join record_changes c on c.transaction_id = t.transaction_id
       where t.sequence >= ${from.sequence}::bigint
         and (t.sequence > ${from.sequence}::bigint or c.position > ${from.position}::bigint)
         ${entityCondition}
       order by t.sequence, c.position
       limit ${limit}`,
  );
}

/**
 * The feed's last change now: the latest numbered commit and its last history row; null while
 * the feed is empty. Every transaction not yet visible is numbered after it.
 */
export async function findLatestFeedPosition(db: Db): Promise<FeedPosition | null> {
  const [latest] = await rows<FeedPosition>(
    db,
    sql`
      select t.sequence::text as "sequence",
             (select max(c.position) from record_changes c where c.transaction_id = t.transaction_id)::text as "position"
        from change_commits t
       where t.sequence is not null
       order by t.sequence desc
       limit 1`,
  );
  return latest ?? null;
}
