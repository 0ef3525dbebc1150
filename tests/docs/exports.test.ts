import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createTestKey } from '../support/keys';
import { startTestServer, type TestServer } from '../support/server';
import { parseGlobalId } from '../../src/modules/node/global-id';
import { expectationOf, nodeStatus } from './shown-output';

const run = promisify(execFile);
const ROOT = path.join(__dirname, '..', '..');
const PAGE = readFileSync(path.join(ROOT, 'docs', 'exports.md'), 'utf8');

/** Where the page's examples send their requests; the test server's origin replaces it. */
const DOC_ORIGIN = 'http://127.0.0.1:4000';

const DOWNLOAD_PATH = /^\/exports\/[A-Za-z0-9_-]+\/download\?expires=\d+&signature=[0-9a-f]{64}$/;

/** One fenced block of the page. */
interface Block {
  lang: string;
  text: string;
}

function blocksOf(page: string): Block[] {
  return [...page.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1]!, text: m[2]! }));
}

/** A shell example and the output the page shows after it. */
interface Example {
  command: string;
  output?: Block;
}

function examplesOf(blocks: Block[]): Example[] {
  return blocks.flatMap((block, i) => {
    if (block.lang !== 'sh') return [];
    const next = blocks[i + 1];
    return [{ command: block.text, output: next && ['json', 'text'].includes(next.lang) ? next : undefined }];
  });
}

/** The page's example export IDs and download paths stand for the server's. */
const expectation = expectationOf((value) => parseGlobalId(value)?.type === 'Export' || DOWNLOAD_PATH.test(value));

describe('docs/exports.md', () => {
  let t: TestServer;
  let work: string;
  const env: Record<string, string> = {};
  /** example IDs and paths of the page → the server's */
  const ids = new Map<string, string>();

  /** The command as the page has it, sent to the test server and naming the exports it made. */
  const localize = (command: string) => {
    let text = command;
    // a shown download path holds the shown export ID: the longer one first
    const bound = [...ids].sort(([a], [b]) => b.length - a.length);
    for (const [shown, real] of bound) text = text.replaceAll(shown, real);
    return text.replaceAll(DOC_ORIGIN, t.origin);
  };
  const sh = (command: string) =>
    run('bash', ['-c', `set -euo pipefail\n${localize(command)}`], {
      cwd: work,
      env: { ...process.env, ...env },
      maxBuffer: 10_000_000,
    });

  /** Runs a command; one that reads an export runs again while it is QUEUED or RUNNING, as the page says to. */
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
    work = mkdtempSync(path.join(tmpdir(), 'exports-guide-'));
    t = await startTestServer({ exportDir: path.join(work, 'exports') });
    env['GONGYI_API_KEY'] = (await createTestKey(t.database.db, { name: 'guide', tier: 'DEVELOPER' })).secret;
    env['OTHER_API_KEY'] = (await createTestKey(t.database.db, { name: 'someone else', tier: 'DEVELOPER' })).secret;
  });
  afterAll(async () => {
    rmSync(work, { recursive: true, force: true });
    await t?.close();
  });

  const examples = examplesOf(blocksOf(PAGE));

  it('shows every example with its output', () => {
    expect(examples.filter((e) => !e.output).map((e) => e.command)).toEqual([]);
    expect(examples.length).toBeGreaterThanOrEqual(8);
  });

  examples.forEach((example, n) => {
    it(`example ${n + 1} prints what the page shows: ${example.command.split('\n')[0]!.slice(0, 60)}`, async () => {
      const { stdout } = await untilFinished(example.command);
      if (example.output!.lang === 'json') {
        // the page leaves out `extensions` (the cost report)
        const { extensions: _, ...actual } = JSON.parse(stdout);
        expect(actual).toEqual(expectation(JSON.parse(example.output!.text), actual, ids));
      } else {
        expect(stdout.replaceAll('\r', '')).toBe(example.output!.text);
      }
    });
  });
});
