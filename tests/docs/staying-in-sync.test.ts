import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { buildSchema, parse, validate } from 'graphql';
import { parseGlobalId } from '../../src/modules/node/global-id';
import { expectationOf } from './shown-output';
import { loadTypeDefs } from '../../src/schema';
import { createTestKey } from '../support/keys';
import { startTestServer, type TestServer } from '../support/server';
import { CORRECT_DONATION, RECORD_DISBURSEMENT, RECORD_DONATION } from '../modules/changes/documents';
import { present, readCurrentRecords } from '../modules/changes/mirror';

const run = promisify(execFile);
const ROOT = path.join(__dirname, '..', '..');
const PAGE = readFileSync(path.join(ROOT, 'docs', 'staying-in-sync.md'), 'utf8');

/** Where the page's examples send their requests; the test server's origin replaces it. */
const DOC_ORIGIN = 'http://127.0.0.1:4000';

/** The grant of docs/reporting-grants.md: the demo data's foundation, grantee and project. */
const FOUNDATION_ID = 'T3JnYW5pemF0aW9uOmI1NjlkNzdiLTU3NDQtNTE1NC04Mjk1LTk0ZWY3NzA4OTJkYw';
const GRANTEE_ID = 'T3JnYW5pemF0aW9uOjdmMmJmM2QyLWE3OTYtNWViZC1iNzNlLWUyNDkyZDUyOWIzZg';
const PROJECT_ID = 'UHJvamVjdDo0NzNlYzNhMy01N2Y5LTU1YzktYWU5ZS0zNDM0NWRjNmFlZjg';

/** The page's fenced blocks in order, as language and text. */
const blocks = [...PAGE.matchAll(/^( *)```(\w*)\n([\s\S]*?)^\1```$/gm)].map((m) => ({
  lang: m[2]!,
  text: m[3]!.replace(new RegExp(`^${m[1]}`, 'gm'), ''),
}));

/** Each shell example and the block after it, which shows its output. */
const examples = blocks.flatMap((block, i) =>
  block.lang === 'sh' ? [{ command: block.text, output: blocks[i + 1]! }] : [],
);

/** The page's example donation IDs stand for the server's; cursors are shown as a fresh server issues them. */
const expectation = expectationOf((value) => parseGlobalId(value)?.type === 'Donation');

/** A GraphQL answer without `extensions`, which the page leaves out (the cost report). */
function withoutExtensions(answer: Record<string, unknown>) {
  const { extensions: _, ...rest } = answer;
  return rest;
}

describe('docs/staying-in-sync.md', () => {
  let t: TestServer;
  let work: string;
  let foundation: Record<string, string>;
  /** example IDs of the page → the IDs the server gave */
  const ids = new Map<string, string>();

  /** The command as the page has it, sent to the test server, run with this checkout's tsx. */
  const sh = async (command: string) => {
    const local = command
      .replaceAll(DOC_ORIGIN, t.origin)
      .replaceAll('npx tsx', path.join(ROOT, 'node_modules', '.bin', 'tsx'));
    const { stdout } = await run('bash', ['-c', `set -euo pipefail\n${local}`], { cwd: work });
    if (process.env['PRINT_EXAMPLES']) console.log(command.split('\n')[0], '\n', stdout);
    return stdout;
  };

  /** Runs the `n`th shell example and compares its answer with the JSON the page shows after it. */
  const answers = async (n: number) => {
    const example = examples[n]!;
    expect(example.output.lang).toBe('json');
    const answer = withoutExtensions(JSON.parse(await sh(example.command)));
    expect(answer).toEqual(expectation(JSON.parse(example.output.text), answer, ids));
  };

  /** Writes as the foundation and fails on anything but success. */
  const write = async (document: string, input: Record<string, unknown>) => {
    const { body } = await t.query(document, { input }, foundation);
    const result = Object.values(body.data ?? {})[0] as Record<string, any> | undefined;
    if (!result || result['code']) throw new Error(JSON.stringify(body));
    return result;
  };

  beforeAll(async () => {
    t = await startTestServer();
    work = mkdtempSync(path.join(tmpdir(), 'staying-in-sync-'));
    const key = await createTestKey(t.database.db, {
      name: '抚州市众益阅读推广基金会 grants',
      tier: 'PARTNER',
      organizationId: parseGlobalId(FOUNDATION_ID)!.id,
    });
    foundation = key.headers;
  });
  afterAll(async () => {
    rmSync(work, { recursive: true, force: true });
    await t.close();
  });

  it('shows only GraphQL that the schema validates', () => {
    const schema = buildSchema(loadTypeDefs());
    const documents = blocks.filter((b) => b.lang === 'graphql');
    expect(documents).toHaveLength(2);
    for (const block of documents) expect(validate(schema, parse(block.text))).toEqual([]);
  });

  it('reads the start of an empty feed as its latest cursor', () => answers(0));

  it('pages through a grant’s creation, tranche and correction, then polls an empty page with the same cursor', async () => {
    const { donation } = await write(RECORD_DONATION, {
      donorId: FOUNDATION_ID,
      recipientId: GRANTEE_ID,
      projectId: PROJECT_ID,
      purpose: 'CHILD_WELFARE',
      pledgedOn: '2026-03-01',
      total: '100000.00',
      cash: '80000.00',
      inKind: '20000.00',
      inKindDescription: '儿童读物',
      note: '2026 年度资助协议 FZ-2026-014',
    });
    await write(RECORD_DISBURSEMENT, {
      donationId: donation.id,
      amount: '60000.00',
      paidOn: '2026-04-01',
      note: '第一笔拨付',
    });
    await write(CORRECT_DONATION, {
      id: donation.id,
      expectedVersion: 2,
      reason: '协议签署日为 2 月 26 日',
      pledgedOn: '2026-02-26',
    });
    await answers(1);
    await answers(2);
    await answers(3);
  });

  it('runs the TypeScript follower, whose copy equals the records, and replays the feed over it applying nothing', async () => {
    const follower = blocks.find((b) => b.lang === 'ts')!;
    writeFileSync(path.join(work, 'follow-changes.ts'), follower.text);
    const [follow, replay] = examples.slice(4);
    expect((await sh(follow!.command)).trim()).toBe(follow!.output.text.trim());

    const copy = JSON.parse(readFileSync(path.join(work, 'copy.json'), 'utf8'));
    const shown = blocks[blocks.indexOf(follow!.output) + 1]!;
    expect(copy).toEqual(expectation(JSON.parse(shown.text), copy, ids));
    const [id, record] = Object.entries(copy.records)[0] as [string, { version: number; fields: any }];
    const current = await readCurrentRecords(t, 'DONATION', [id]);
    expect(new Map([[id, { version: record.version, fields: present(record.fields) }]])).toEqual(current);

    expect((await sh(replay!.command)).trim()).toBe(replay!.output.text.trim());
  });
});
