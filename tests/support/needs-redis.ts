import { describeNeeding } from './describe-needing';

/** The Redis server tests share budgets through; .ci/run sets it. */
export const REDIS_URL = process.env['REDIS_URL'];

/** `describe` for tests that need a real Redis server (budgets shared between instances). */
export function describeOnRedis(title: string, why: string, body: () => void): void {
  describeNeeding(REDIS_URL !== undefined, title, `${why}; set REDIS_URL to run`, body);
}
