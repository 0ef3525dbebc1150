/**
 * `describe` for tests that need something this machine may lack (a PostgreSQL server, Redis,
 * Chromium): without it they skip, and their title says why and how to run them.
 */
export function describeNeeding(available: boolean, title: string, reason: string, body: () => void): void {
  if (available) return describe(title, body);
  const skipped = `${title} [skipped: ${reason}]`;
  // jest reports nothing by name for a suite that only skips: say it on stderr, past its console capture
  process.stderr.write(`${skipped}\n`);
  describe.skip(skipped, body);
}
