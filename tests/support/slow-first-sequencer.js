/**
 * Jest's order of suites, longest first, so that two workers end together: the longest suite
 * starting last would keep one worker busy while the other idles. Jest orders by the durations it
 * cached on the last run; a fresh clone (CI) has none, and jest would then order by file size and
 * start a suite of a minute near the end. Where the cache has no duration, the suites known to be
 * slow take theirs from SLOW below, and every other suite counts as shorter than they are.
 */
const Sequencer = require('@jest/test-sequencer').default;
const path = require('node:path');

/**
 * Seconds each slow suite took alone on the shared 2-core machine with a load average of 10 to
 * 13 (December 2026, after the CI-time changes); only their order matters. Paths relative to tests/.
 */
const SLOW = {
  'modules/statistics/rollups.test.ts': 90,
  'db/plans.test.ts': 75,
  'modules/compiled-reads/random-queries.test.ts': 75,
  'smoke/production-install.test.ts': 50,
  'smoke/npm-start.test.ts': 50,
  'modules/imports/imports.test.ts': 45,
  'modules/access/shared-budgets.test.ts': 45,
  'docs/examples.test.ts': 50,
  'modules/changes/concurrent-writers.test.ts': 40,
  'modules/webhooks/restart.test.ts': 38,
  'modules/imports/backend-killed.test.ts': 37,
  'modules/webhooks/deliveries.test.ts': 33,
  'modules/exports/exports.test.ts': 31,
  'server.test.ts': 30,
  'modules/access/rate-limit.test.ts': 30,
  'modules/compiled-reads/equivalence.test.ts': 27,
  'db/replicas.test.ts': 20,
  'modules/access/keys.test.ts': 20,
  'modules/search/search.test.ts': 15,
  'docs/reporting-grants.test.ts': 12,
};

const TESTS = path.join(__dirname, '..');

class SlowFirstSequencer extends Sequencer {
  /** The cached duration (ms), else SLOW's, else undefined. */
  time(test) {
    const cached = super.time(test);
    if (cached != null) return cached;
    const known = SLOW[path.relative(TESTS, test.path).split(path.sep).join('/')];
    return known === undefined ? undefined : known * 1000;
  }

  /** Failed last time first (quick feedback), then longest first; suites of unknown duration by size. */
  sort(tests) {
    const size = new Map(tests.map((test) => [test, test.context.hasteFS.getSize(test.path) ?? 0]));
    const key = new Map(tests.map((test) => [test, { failed: this.hasFailed(test), ms: this.time(test) ?? -1 }]));
    return [...tests].sort((a, b) => {
      const [ka, kb] = [key.get(a), key.get(b)];
      if (ka.failed !== kb.failed) return ka.failed ? -1 : 1;
      if (ka.ms !== kb.ms) return kb.ms - ka.ms;
      return size.get(b) - size.get(a);
    });
  }
}

module.exports = SlowFirstSequencer;
