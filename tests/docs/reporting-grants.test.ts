import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createTestKey } from '../support/keys';
import { startTestServer, type TestServer } from '../support/server';
import { idempotencyKeys } from '../../src/db/schema';
import { requestHash } from '../../src/modules/mutations/idempotency';
import { parseGlobalId } from '../../src/modules/node/global-id';
import { expectationOf, nodeStatus } from './shown-output';

const run = promisify(execFile);
const ROOT = path.join(__dirname, '..', '..');
const PAGE = readFileSync(path.join(ROOT, 'docs', 'reporting-grants.md'), 'utf8');

/** Where the page's examples send their requests; the test server's origin replaces it. */
const DOC_ORIGIN = 'http://127.0.0.1:4000';

/** One fenced block of the page, with the heading it is under. */
interface Block {
  section: string;
  lang: string;
  text: string;
}

/** The page's fenced blocks in order. */
function blocksOf(page: string): Block[] {
  const blocks: Block[] = [];
  let section = '';
  for (const m of page.matchAll(/^## (.+)$|^```(\w*)\n([\s\S]*?)^```$/gm)) {
    if (m[1] !== undefined) section = m[1];
    else blocks.push({ section, lang: m[2]!, text: m[3]! });
  }
  return blocks;
}

/** A shell example and the output the page shows after it (json, http or text), if any. */
interface Example {
  section: string;
  command: string;
  output?: Block;
}

function examplesOf(blocks: Block[]): Example[] {
  const examples: Example[] = [];
  blocks.forEach((block, i) => {
    if (block.lang !== 'sh') return;
    const next = blocks[i + 1];
    const output = next && ['json', 'http', 'text'].includes(next.lang) ? next : undefined;
    examples.push({ section: block.section, command: block.text, output });
  });
  return examples;
}

/** Global IDs of records the examples create: the page shows example ones, the server makes its own. */
const CREATED_TYPES = new Set(['Donation', 'ProjectReport', 'Import']);
const expectation = expectationOf((value) => CREATED_TYPES.has(parseGlobalId(value)?.type ?? ''));

/** A GraphQL answer without `extensions`, which the page leaves out (the cost report). */
function withoutExtensions(answer: Record<string, unknown>) {
  const { extensions: _, ...rest } = answer;
  return rest;
}

const FOUNDATION_ID = 'T3JnYW5pemF0aW9uOmI1NjlkNzdiLTU3NDQtNTE1NC04Mjk1LTk0ZWY3NzA4OTJkYw';

/** The foundation's donations written by the import command, newest pledge first. */
const IMPORTED = /* GraphQL */ `
  query Imported($donorId: ID!) {
    donations(filter: { donorId: $donorId }, first: 100) {
      nodes {
        note
        history(first: 1) {
          nodes {
            action
            actor {
              name
              organization {
                name
              }
            }
          }
        }
      }
    }
  }
`;

describe('docs/reporting-grants.md', () => {
  let t: TestServer;
  let work: string;
  const env: Record<string, string> = {};
  /** example IDs of the page → the IDs the server gave */
  const ids = new Map<string, string>();

  /** The command as the page has it, sent to the test server and naming the records it made. */
  const localize = (command: string) => {
    let text = command.replaceAll(DOC_ORIGIN, t.origin);
    for (const [shown, real] of ids) text = text.replaceAll(shown, real);
    return text;
  };
  const sh = (command: string) =>
    run('bash', ['-c', `set -euo pipefail\n${localize(command)}`], {
      cwd: work,
      env: { ...process.env, ...env },
      maxBuffer: 10_000_000,
    });

  /**
   * Runs a command; one that reads an import runs again while the import is QUEUED or RUNNING,
   * as the page tells the reader to, for at most a minute.
   */
  const untilFinished = async (command: string) => {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const result = await sh(command);
      const status = nodeStatus(result.stdout);
      if ((status !== 'QUEUED' && status !== 'RUNNING') || Date.now() > deadline) return result;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };

  beforeAll(async () => {
    t = await startTestServer();
    work = mkdtempSync(path.join(tmpdir(), 'reporting-grants-'));
  });
  afterAll(async () => {
    rmSync(work, { recursive: true, force: true });
    await t.close();
  });

  const blocks = blocksOf(PAGE);
  const examples = examplesOf(blocks);

  it('quotes its TypeScript from the example files, word for word', () => {
    const sources = ['grants.ts', 'client.ts'].map((f) =>
      readFileSync(path.join(ROOT, 'docs', 'examples', 'typescript', f), 'utf8'),
    );
    const quoted = blocks.filter((b) => b.lang === 'ts');
    expect(quoted.length).toBeGreaterThan(0);
    expect(quoted.filter((b) => !sources.some((source) => source.includes(b.text))).map((b) => b.text)).toEqual([]);
  });

  it('answers IDEMPOTENCY_KEY_IN_USE as it says while the first request runs', async () => {
    const key = await createTestKey(t.database.db, {
      name: 'in use',
      tier: 'PARTNER',
      organizationId: foundationOrganization,
    });
    const query =
      'mutation { cancelDonation(input: { id: "RG9uYXRpb246MA", expectedVersion: 1, reason: "x" }) { __typename ... on UserError { code message field } } }';
    // a claim as a request still running holds it
    await t.database.db.insert(idempotencyKeys).values({
      apiKeyId: key.apiKey.id,
      key: 'FZ-2026-014/cancel',
      requestHash: requestHash(query, undefined, undefined),
      lockToken: '00000000-0000-4000-8000-000000000000',
      lockedAt: new Date().toISOString(),
    });
    const { body } = await t.query(query, undefined, { ...key.headers, 'idempotency-key': 'FZ-2026-014/cancel' });
    const { code, message } = body.data.cancelDonation;
    expect(body.data.cancelDonation).toEqual({ __typename: 'UserError', code, message, field: null });
    expect(PAGE.replace(/\s+/g, ' ')).toContain(`\`${code}\` looks the same, with the message \`${message}\``);
  });

  it('shows its examples with their outputs', () => {
    expect(examples.filter((e) => e.command.startsWith('curl') && !e.output).map((e) => e.command)).toEqual([]);
    expect(examples.length).toBeGreaterThan(15);
  });

  const foundationOrganization = parseGlobalId(FOUNDATION_ID)!.id;
  const granteeOrganization = parseGlobalId('T3JnYW5pemF0aW9uOjdmMmJmM2QyLWE3OTYtNWViZC1iNzNlLWUyNDkyZDUyOWIzZg')!.id;

  examples.forEach((example, n) => {
    const title = `${example.section}: example ${n + 1}, ${example.command.split('\n')[0]!.slice(0, 60)}`;

    if (example.command.startsWith('npm run keys')) {
      it(`${title} makes the key the other examples use`, async () => {
        if (t.url) {
          const { stdout } = await run('bash', ['-c', example.command], {
            cwd: ROOT,
            env: { ...process.env, DATABASE_URL: t.url },
          });
          const key = stdout.trim().split('\n').at(-1)!;
          expect(key).toMatch(/^gyk1_[0-9A-Za-z]{38}$/);
          env['GONGYI_API_KEY'] = key;
        } else {
          // the embedded database has one user at a time: the key is made the way the command makes it
          const made = await createTestKey(t.database.db, {
            name: '抚州市众益阅读推广基金会 grants',
            tier: 'PARTNER',
            organizationId: foundationOrganization,
          });
          env['GONGYI_API_KEY'] = made.secret;
        }
        const grantee = await createTestKey(t.database.db, {
          name: '万州区友谊社区妈妈互助会 reports',
          tier: 'PARTNER',
          organizationId: granteeOrganization,
        });
        env['GRANTEE_API_KEY'] = grantee.secret;
      });
      return;
    }

    if (example.command.includes('npx tsx docs/examples/typescript/grants.ts')) {
      it(`${title} prints what the page shows, and replays every write when run again`, async () => {
        const script = () =>
          run('bash', ['-c', localize(example.command).replace('GONGYI_API_KEY=gyk1_… ', '')], {
            cwd: ROOT,
            env: { ...process.env, ...env },
          });
        const first = (await script()).stdout;
        expect(first).toBe(example.output!.text);
        const writes = /^(grant|tranche \d)/;
        const again = first.replace(/^((?:grant|tranche \d).*)$/gm, '$1 (replayed: nothing written)');
        expect(first.split('\n').filter((line) => writes.test(line))).toHaveLength(4);
        expect((await script()).stdout).toBe(again);
      });
      return;
    }

    if (example.command.startsWith('npm run import')) {
      // the command is a process of its own: it needs a server the test's database lives on
      const onServer = process.env['DATABASE_URL'] !== undefined;
      (onServer ? it : it.skip)(
        `${title}${onServer ? '' : ' [skipped: the command runs in a process of its own; set DATABASE_URL to run]'} writes the file's rows as staff`,
        async () => {
          // the page's file with its bad row fixed
          const csv = blocks.find((b) => b.lang === 'csv')!.text.replace('8000.005', '8000.00');
          writeFileSync(path.join(work, 'grants.csv'), csv);
          await run('bash', ['-c', example.command.replace('grants.csv', path.join(work, 'grants.csv'))], {
            cwd: ROOT,
            env: { ...process.env, DATABASE_URL: t.url! },
          });
          const { body } = await t.query(IMPORTED, { donorId: FOUNDATION_ID });
          const imported = body.data.donations.nodes.filter((d: { note: string }) => /FZ-2026-01[678]/.test(d.note));
          // by note: the file's rows may share a pledge day, and then their order is their random ids'
          imported.sort((a: { note: string }, b: { note: string }) => a.note.localeCompare(b.note));
          expect(imported).toEqual(
            ['FZ-2026-016', 'FZ-2026-017', 'FZ-2026-018'].map((note) => ({
              note,
              history: { nodes: [{ action: 'CREATED', actor: { name: 'command line', organization: null } }] },
            })),
          );
        },
      );
      return;
    }

    if (example.command.startsWith('curl')) {
      it(title, async () => {
        if (example.command.includes('@grants.csv')) {
          const csv = blocks.find((b) => b.lang === 'csv')!;
          writeFileSync(path.join(work, 'grants.csv'), csv.text);
        }
        const { stdout } = await untilFinished(example.command);
        const output = example.output!;
        if (process.env['PRINT_EXAMPLES']) console.log(title, '\n', stdout);
        if (output.lang === 'json') {
          const answer = withoutExtensions(JSON.parse(stdout));
          expect(answer).toEqual(expectation(JSON.parse(output.text), answer, ids));
          return;
        }
        // curl -i: the status line, the headers the page shows (of the many sent), then the body
        const [head, body] = stdout.split(/\r?\n\r?\n/, 2) as [string, string];
        const [shownHead, shownBody] = output.text.split(/\n\n/, 2) as [string, string];
        const [statusLine, ...headerLines] = head.split(/\r?\n/);
        const headers = Object.fromEntries(
          headerLines.map((line) => [
            line.slice(0, line.indexOf(':')).toLowerCase(),
            line.slice(line.indexOf(':') + 1).trim(),
          ]),
        );
        const [shownStatus, ...shownHeaders] = shownHead.trim().split('\n');
        expect(statusLine).toBe(shownStatus);
        for (const line of shownHeaders) {
          const name = line.slice(0, line.indexOf(':')).toLowerCase();
          expect([name, headers[name]]).toEqual([name, line.slice(line.indexOf(':') + 1).trim()]);
        }
        // extensions.cost is this request's own
        const answer = withoutExtensions(JSON.parse(body));
        expect(answer).toEqual(expectation(withoutExtensions(JSON.parse(shownBody)), answer, ids));
      });
    }
  });
});
