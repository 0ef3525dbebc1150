/**
 * `describe` for tests that need a real PostgreSQL server (a pool, other connections, a killable
 * backend). Without DATABASE_URL they skip, and their title says why.
 */
export const SERVER_URL = process.env['DATABASE_URL'];

export function describeOnServer(title: string, why: string, body: () => void): void {
  if (SERVER_URL) return describe(title, body);
  const reason = `${title} [skipped: ${why}; set DATABASE_URL to run]`;
  // jest reports nothing by name for a suite that only skips: say it on stderr, past its console capture
  process.stderr.write(`${reason}\n`);
  describe.skip(reason, body);
}
