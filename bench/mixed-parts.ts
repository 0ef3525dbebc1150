/**
 * `npm run bench:mixed`: a mixed operation (a compiled list beside a field only resolvers answer)
 * against its two parts sent alone, on this API over the large set: issue 15 asks that the whole
 * cost no more than its compiled part plus its executed part. One server (node dist/main.js on
 * `gongyi_bench`), requests one at a time, the three documents interleaved; medians of `--runs`.
 */
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { databaseUrl } from './database';
import { median } from './median';
import { start, stop } from './servers';

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '300' } } });
const runs = Number(args.runs);

const LIST = 'organizations(first: 20, orderBy: { field: NAME }) { nodes { id name } }';
const summary = (donor: string) =>
  `donationSummary(filter: { donorId: "${donor}" }) { donationCount total { value } cash { value } inKind { value } }`;

async function main(): Promise<void> {
  const adminUrl = process.env['DATABASE_URL'];
  if (!adminUrl) throw new Error('npm run bench:mixed needs DATABASE_URL, the server holding gongyi_bench');
  const url = databaseUrl(adminUrl, 'gongyi_bench');
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const [row] = await sql<{ donor: string }[]>`select donor_id::text as donor from donations
    where donor_id is not null group by 1 order by count(*) desc, 1 limit 1`;
  await sql.end();
  const donor = Buffer.from(`Organization:${row!.donor}`).toString('base64url');
  const documents = {
    mixed: `query Mixed { ${LIST} ${summary(donor)} }`,
    compiled: `query List { ${LIST} }`,
    executed: `query Summary { ${summary(donor)} }`,
  };
  const server = await start('gongyi', 20_000 + Math.floor(Math.random() * 1_000) * 6, {
    DATABASE_URL: url,
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
    JOB_WORKERS: 'false',
    RATE_LIMIT_ANONYMOUS: '1000000000',
  });
  try {
    const time = async (query: string) => {
      const started = performance.now();
      const response = await fetch(`${server.origin}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      const body = (await response.json()) as { errors?: unknown };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return performance.now() - started;
    };
    const times: Record<keyof typeof documents, number[]> = { mixed: [], compiled: [], executed: [] };
    const kinds = Object.keys(documents) as Array<keyof typeof documents>;
    for (let i = 0; i < 20; i++) for (const kind of kinds) await time(documents[kind]);
    for (let i = 0; i < runs; i++) {
      // each round in another order, so none always follows the same one
      for (const kind of kinds.map((_, j) => kinds[(i + j) % kinds.length]!)) {
        times[kind].push(await time(documents[kind]));
      }
    }
    const m = Object.fromEntries(kinds.map((k) => [k, median(times[k])])) as Record<keyof typeof documents, number>;
    process.stdout.write(
      [
        `a mixed operation and its parts, ${runs} interleaved runs each, one request at a time; median ms`,
        `| document | median ms |`,
        `|---|--:|`,
        `| compiled part alone (20 organizations) | ${m.compiled.toFixed(2)} |`,
        `| executed part alone (donationSummary of the largest donor) | ${m.executed.toFixed(2)} |`,
        `| both in one operation | ${m.mixed.toFixed(2)} |`,
        `mixed ÷ (compiled + executed) = ${(m.mixed / (m.compiled + m.executed)).toFixed(2)} (target ≤ 1)`,
        '',
      ].join('\n'),
    );
  } finally {
    await stop(server.child);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
