/**
 * `npm run fuzz -- [--queries N] [--seed S]`: N random queries (10,000 unless told) on both
 * execution paths over a database of its own on the server at DATABASE_URL (dropped at the end),
 * with a summary; exits 1 on any difference or internal error.
 */
import { parseArgs } from 'node:util';
import { buildSchema } from 'graphql';
import { loadTypeDefs } from '../../src/schema';
import { sqlSchema } from '../../src/sql-schema';
import { createTestDatabase } from '../support/database';
import { serveTestDatabase } from '../support/server';
import { compareBothPaths, describeDifference, SERVER_OPTIONS } from './both-paths';

/** Differences printed in full; the rest are counted. */
const SHOWN = 5;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { queries: { type: 'string', default: '10000' }, seed: { type: 'string', default: 'fuzz' } },
  });
  const count = Number(values.queries);
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`--queries must be a positive integer, got ${values.queries}`);
  if (!process.env['DATABASE_URL'])
    throw new Error('set DATABASE_URL to a PostgreSQL server; the run creates and drops a database there');

  const started = Date.now();
  const db = await createTestDatabase();
  const compiled = await serveTestDatabase(db, SERVER_OPTIONS);
  const resolved = await serveTestDatabase(db, { ...SERVER_OPTIONS, compiledReads: false });
  try {
    const summary = await compareBothPaths({
      schema: buildSchema(loadTypeDefs()),
      sqlSchema,
      seed: values.seed,
      count,
      compiled,
      resolved,
      onQuery: (_, s) => {
        if (s.queries % 500 === 0) console.error(`${s.queries}/${count}: ${s.mismatches.length} mismatches`);
      },
    });
    const failures = [...new Set([...summary.mismatches, ...summary.internalErrors])];
    console.log(
      [
        `seed             ${values.seed}`,
        `queries          ${summary.queries} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
        `identical        ${summary.identical}`,
        `mismatches       ${summary.mismatches.length}`,
        `internal errors  ${summary.internalErrors.length}`,
        `one statement    ${summary.oneStatement} (compiled reads, or resolvers that needed one)`,
        `errors by code   ${JSON.stringify(summary.errorCodes)}`,
        ...failures.slice(0, SHOWN).map((d) => `\n${describeDifference(d)}`),
      ].join('\n'),
    );
    return failures.length > 0 ? 1 : 0;
  } finally {
    await compiled.close();
    await resolved.close();
    await db.drop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
