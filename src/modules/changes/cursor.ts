import { BadUserInputError } from '../../errors';
import type { FeedPosition } from './store';

/** The place before the feed's first change. */
export const FEED_START: FeedPosition = { sequence: '0', position: '0' };

/** A bigint column's value as PostgreSQL prints it: 0 up to 2^63 - 1. */
const BIGINT = /^(0|[1-9]\d{0,18})$/;
const BIGINT_MAX = 2n ** 63n - 1n;
const isBigint = (value: unknown): value is string =>
  typeof value === 'string' && BIGINT.test(value) && BigInt(value) <= BIGINT_MAX;

/** The tag that keeps a list's cursor (src/modules/pagination/cursor.ts) from passing for a feed's. */
const TAG = 'changes';

/** Opaque: base64url of `["changes", sequence, position]`, the house's cursor encoding. Clients must not parse it. */
export function encodeFeedCursor(at: FeedPosition): string {
  return Buffer.from(JSON.stringify([TAG, at.sequence, at.position])).toString('base64url');
}

/** Parses a feed cursor given as `argument`; one that this API did not issue is BAD_USER_INPUT. */
export function decodeFeedCursor(cursor: string, argument: string): FeedPosition {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 3 && value[0] === TAG && isBigint(value[1]) && isBigint(value[2])) {
      return { sequence: value[1], position: value[2] };
    }
  } catch {
    // fall through to the error below
  }
  throw new BadUserInputError(argument, 'is not a change feed cursor issued by this API');
}
