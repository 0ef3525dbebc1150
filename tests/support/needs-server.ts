import { describeNeeding } from './describe-needing';

/** The PostgreSQL server tests run against; without it, the embedded PGlite. */
export const SERVER_URL = process.env['DATABASE_URL'];

/** `describe` for tests that need a real PostgreSQL server (a pool, other connections, a killable backend). */
export function describeOnServer(title: string, why: string, body: () => void): void {
  describeNeeding(SERVER_URL !== undefined, title, `${why}; set DATABASE_URL to run`, body);
}
