/** What every project shares: TypeScript through swc, in Node. */
const project = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  transform: { '^.+\\.ts$': ['@swc/jest'] },
};

/**
 * The HTTP suites whose queries compiled reads could answer, run a second time on resolvers
 * alone so that both execution paths pass them. Left out: suites about budgets and keys
 * (access/), about fields only resolvers answer (donation statistics, training progress, and
 * server.test.ts, whose every query is governanceIndicators), about the explorer
 * page, suites that choose the path themselves (compiled-reads/, pagination/selection), and unit
 * tests.
 */
const ANSWERING_SUITES = [
  'docs/examples.test.ts',
  'modules/filters.test.ts',
  'modules/organizations/paging.test.ts',
  'modules/donations/reported.test.ts',
  'modules/errors/bad-input.test.ts',
  'modules/errors/masking.test.ts',
  'modules/pagination/batching.test.ts',
  // node(id:) and nodes(ids:) compile to one statement since issue 15
  'modules/node/node.test.ts',
];

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 60_000,
  maxWorkers: 2,
  // the longest suites first, on a fresh clone too
  testSequencer: '<rootDir>/tests/support/slow-first-sequencer.js',
  // every test by name, skipped ones with the reason in their title
  verbose: true,
  projects: [
    { ...project, displayName: 'default' },
    {
      ...project,
      displayName: 'resolvers alone',
      setupFiles: ['<rootDir>/tests/modules/compiled-reads/resolvers-alone.ts'],
      testMatch: ANSWERING_SUITES.map((suite) => `<rootDir>/tests/${suite}`),
    },
  ],
};
