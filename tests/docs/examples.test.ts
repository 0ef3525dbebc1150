import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { generate } from '@graphql-codegen/cli';
import { buildSchema, isExecutableDefinitionNode, parse, validate } from 'graphql';
import codegenConfig from '../../docs/examples/typescript/codegen';
import { createClient, GongyiError, type Cost, type RateLimitHeaders } from '../../docs/examples/typescript/client';
import { DONATION_SCAN_WEIGHT } from '../../src/modules/access/field-costs';
import { createTestKey } from '../support/keys';
import { startTestServer, type TestServer } from '../support/server';

const run = promisify(execFile);
const ROOT = path.join(__dirname, '..', '..');
const DOCS = path.join(ROOT, 'docs');
const EXAMPLES = path.join(DOCS, 'examples');

/** The ```graphql blocks of a page of the docs. */
const graphqlBlocks = (page: string) => [...page.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);

/** The seed articles' records and nothing synthetic: every figure below is one they report. */
const REPORTED_ONLY = { organizations: 0, projects: 0, donations: 0, trainingSessions: 0, seed: 1 };

/** The four reported dairy companies, by name in code-point order. */
const DAIRIES = [
  ['T3JnYW5pemF0aW9uOmUxYTM3ODkxLTFlNGYtNTQ0Ny1iOWEyLWQxMzViNWFhZTBiYw', '内蒙古蒙牛乳业(集团)股份有限公司'],
  ['T3JnYW5pemF0aW9uOjkzMjY2MWQyLTcxMDMtNTAzNC1iMzc2LTMyYTliMTY2M2NiNg', '澳优乳业股份有限公司'],
  ['T3JnYW5pemF0aW9uOjkyODFmYjNkLTcyOWMtNWQ4YS1iOTk1LWVjMDM4NDY5YjVhNg', '石家庄君乐宝乳业有限公司'],
  ['T3JnYW5pemF0aW9uOjJmZTcwMzg4LWVmM2ItNWY2NS1hYjY0LTIyZWRjZDRjZTNjZg', '黑龙江飞鹤乳业有限公司'],
].map(([id, name]) => ({
  id,
  name,
  type: 'ENTERPRISE',
  registrationStatus: 'REGISTERED',
  creditCode: null,
  region: null,
  provenance: { kind: 'REPORTED' },
}));

const yuan = (value: string) => ({ value, currency: 'CNY' });

/** Points of a request that sums every donation: a full scan's weight in nodes ÷ 100 (cost-and-limits.md). */
const SUMMARY_POINTS = DONATION_SCAN_WEIGHT / 100;

/** The cost report and headers of a fresh key's budget with `n` points spent, the last request costing `cost`. */
function budgetAfter(n: number, limit: number, resetAt: string, cost = 1): { cost: Cost; rateLimit: RateLimitHeaders } {
  return {
    cost: { requested: cost, limit, remaining: limit - n, resetAt },
    rateLimit: { limit, remaining: limit - n, used: n, reset: new Date(Math.ceil(Date.parse(resetAt) / 1000) * 1000) },
  };
}

describe('the documentation examples', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ seed: REPORTED_ONLY });
  });
  afterAll(() => t.close());

  /** A DEVELOPER key of its own, so each test starts on a whole budget. */
  const developerKey = async () => (await createTestKey(t.database.db, { name: 'docs example' })).secret;

  describe('the TypeScript client', () => {
    it('pages through organizations by cursor, each page charged one point', async () => {
      const client = createClient({ origin: t.origin, apiKey: await developerKey() });
      const pages = [];
      for await (const page of client.organizationPages({ filter: { search: '乳业' }, first: 2 })) pages.push(page);
      const resetAt = pages[0]!.cost.resetAt;
      expect(pages).toEqual([
        {
          data: {
            organizations: {
              totalCount: 4,
              nodes: DAIRIES.slice(0, 2),
              pageInfo: { hasNextPage: true, endCursor: expect.any(String) },
            },
          },
          ...budgetAfter(1, 5_000, resetAt),
        },
        {
          data: {
            organizations: {
              totalCount: 4,
              nodes: DAIRIES.slice(2),
              pageInfo: { hasNextPage: false, endCursor: expect.any(String) },
            },
          },
          ...budgetAfter(2, 5_000, resetAt),
        },
      ]);
    });

    it('sums every reported donation exactly, as decimal strings', async () => {
      const client = createClient({ origin: t.origin, apiKey: await developerKey() });
      const result = await client.donationSummary({ provenance: ['REPORTED'] });
      expect(result).toEqual({
        data: {
          donationSummary: {
            donationCount: 22,
            donorCount: 22,
            total: yuan('3694428200.00'),
            cash: yuan('212731000.00'),
            inKind: yuan('1941727800.00'),
            unsplitTotal: yuan('1539969400.00'),
            delivered: yuan('3694428200.00'),
            // null: part of the value's split is not reported (unsplitTotal), so no share of the whole
            inKindShare: null,
          },
        },
        ...budgetAfter(SUMMARY_POINTS, 5_000, result.cost.resetAt, SUMMARY_POINTS),
      });
    });

    it('reports who holds the key and the budget after the request', async () => {
      const client = createClient({ origin: t.origin, apiKey: await developerKey() });
      const result = await client.rateLimit();
      const { resetAt } = result.cost;
      expect(result).toEqual({
        data: {
          viewer: { name: 'docs example', tier: 'DEVELOPER', scopes: ['READ'] },
          rateLimit: { limit: 5_000, cost: 1, remaining: 4_999, used: 1, resetAt },
        },
        ...budgetAfter(1, 5_000, resetAt),
      });
      expect(Date.parse(resetAt) - Date.now()).toBeGreaterThan(3_590_000);
    });

    it('is anonymous without a key, on the anonymous budget', async () => {
      const { data } = await createClient({ origin: t.origin }).rateLimit();
      expect(data).toEqual({
        viewer: null,
        rateLimit: {
          limit: 1_000,
          cost: 1,
          remaining: expect.any(Number),
          used: expect.any(Number),
          resetAt: expect.any(String),
        },
      });
      expect(data.rateLimit.remaining + data.rateLimit.used).toBe(1_000);
    });

    it('throws UNAUTHENTICATED (401) for a key that is not one', async () => {
      const client = createClient({ origin: t.origin, apiKey: 'gyk1_not-a-key' });
      const error = await client.rateLimit().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GongyiError);
      expect({ ...(error as GongyiError), code: (error as GongyiError).code }).toEqual({
        name: 'GongyiError',
        status: 401,
        code: 'UNAUTHENTICATED',
        errors: [
          {
            message:
              'API key is malformed: a key is gyk1_ followed by 38 letters and digits. Send a valid key as `Authorization: Bearer <key>`, or none to be anonymous.',
            extensions: { code: 'UNAUTHENTICATED' },
          },
        ],
        rateLimit: { limit: 1_000, remaining: 999, used: 1, reset: expect.any(Date) },
        retryAfter: null,
      });
    });

    it('runs as a script and prints what it found', async () => {
      const { stdout } = await run('npx', ['tsx', path.join(EXAMPLES, 'typescript', 'client.ts'), t.origin], {
        cwd: ROOT,
        env: { ...process.env, GONGYI_API_KEY: await developerKey() },
      });
      expect(stdout.split('\n').filter((line) => !line.startsWith('  '))).toEqual([
        '44 organizations; the first 5:',
        '22 donations, 3694428200.00 CNY in all',
        // organizations, the summary, then the budget: 1 + SUMMARY_POINTS + 1 points
        expect.stringMatching(
          new RegExp(
            `^docs example \\(DEVELOPER\\): ${4_998 - SUMMARY_POINTS} of 5000 points left until \\d{4}-\\d\\d-\\d\\dT`,
          ),
        ),
        '',
      ]);
    });
  });

  describe('the TypeScript client over budget', () => {
    let small: TestServer;
    beforeAll(async () => {
      small = await startTestServer({
        seed: false,
        access: { tierBudgets: { ANONYMOUS: 1, DEVELOPER: 2, PARTNER: 3, INTERNAL: 4 } },
      });
    });
    afterAll(() => small.close());

    it('throws RATE_LIMITED (429) with Retry-After once the budget is spent', async () => {
      const client = createClient({ origin: small.origin, apiKey: (await createTestKey(small.database.db)).secret });
      await client.rateLimit();
      await client.rateLimit();
      const error = (await client.rateLimit().catch((e: unknown) => e)) as GongyiError;
      expect(error).toBeInstanceOf(GongyiError);
      expect({ status: error.status, code: error.code, remaining: error.rateLimit?.remaining }).toEqual({
        status: 429,
        code: 'RATE_LIMITED',
        remaining: 0,
      });
      expect(error.retryAfter).toBeGreaterThan(3_590);
      expect(error.retryAfter).toBeLessThanOrEqual(3_600);
    });
  });

  describe('curl.sh', () => {
    /** Runs the script; its output is the JSON answer, a blank line, then the rate-limit headers. */
    async function curl(env: Record<string, string> = {}) {
      const { stdout } = await run('bash', [path.join(EXAMPLES, 'curl.sh'), t.origin], {
        env: { ...process.env, GONGYI_API_KEY: '', ...env },
      });
      const cut = stdout.trimEnd().lastIndexOf('\n\n');
      const headers = Object.fromEntries(
        stdout
          .slice(cut + 2)
          .trim()
          .split('\n')
          .map((line) => line.split(/:\s*/) as [string, string]),
      );
      return { answer: JSON.parse(stdout.slice(0, cut)), headers };
    }

    it('prints the answer and the X-RateLimit headers, anonymously', async () => {
      const { answer, headers } = await curl();
      expect(answer).toEqual({
        data: {
          organizations: { totalCount: 44, nodes: expect.any(Array) },
          donationSummary: { donationCount: 22, total: yuan('3694428200.00') },
          // three organizations' nodes and a summary's
          rateLimit: { cost: SUMMARY_POINTS + 1, remaining: expect.any(Number) },
        },
        extensions: {
          cost: {
            requested: SUMMARY_POINTS + 1,
            limit: 1_000,
            remaining: expect.any(Number),
            resetAt: expect.any(String),
          },
        },
      });
      expect(answer.data.organizations.nodes).toHaveLength(3);
      expect(Object.keys(headers).sort()).toEqual([
        'x-ratelimit-limit',
        'x-ratelimit-remaining',
        'x-ratelimit-reset',
        'x-ratelimit-used',
      ]);
      expect(headers['x-ratelimit-limit']).toBe('1000');
      expect(headers['x-ratelimit-remaining']).toBe(String(answer.data.rateLimit.remaining));
    });

    it('sends the key in GONGYI_API_KEY', async () => {
      const { answer, headers } = await curl({ GONGYI_API_KEY: await developerKey() });
      const points = SUMMARY_POINTS + 1;
      expect(answer.data.rateLimit).toEqual({ cost: points, remaining: 5_000 - points });
      expect(headers).toEqual({
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': String(5_000 - points),
        'x-ratelimit-reset': String(Math.ceil(Date.parse(answer.extensions.cost.resetAt) / 1000)),
        'x-ratelimit-used': String(points),
      });
    });

    it('prints the refusal and exits 1 when the key is refused', async () => {
      const failed = await run('bash', [path.join(EXAMPLES, 'curl.sh'), t.origin], {
        env: { ...process.env, GONGYI_API_KEY: 'gyk1_revoked-or-mistyped' },
      }).catch((e: unknown) => e as { code: number; stdout: string; stderr: string });
      expect(failed).toMatchObject({ code: 1, stderr: 'HTTP 401\n' });
      const [body, headers] = (failed as { stdout: string }).stdout.trimEnd().split('\n\n');
      expect(JSON.parse(body!).errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
      // the budget of the client's address, which the refusal does not charge
      expect(headers).toMatch(/^x-ratelimit-limit: 1000$/m);
    });
  });

  describe('the pages', () => {
    it('use only operations valid against the published schema', () => {
      const schema = buildSchema(readFileSync(path.join(ROOT, 'schema', 'published', 'schema.graphql'), 'utf8'));
      const checked: string[] = [];
      const invalid: string[] = [];
      for (const file of readdirSync(DOCS).filter((f) => f.endsWith('.md'))) {
        for (const block of graphqlBlocks(readFileSync(path.join(DOCS, file), 'utf8'))) {
          const document = parse(block);
          if (!document.definitions.every(isExecutableDefinitionNode)) continue; // an excerpt of the SDL
          checked.push(file);
          invalid.push(...validate(schema, document).map((e) => `${file}: ${e.message}`));
        }
      }
      expect(invalid).toEqual([]);
      expect(new Set(checked)).toEqual(
        new Set(['cost-and-limits.md', 'errors.md', 'keys.md', 'pagination.md', 'staying-in-sync.md', 'webhooks.md']),
      );
    });

    it('cost the worked example what cost-and-limits.md says', async () => {
      const page = readFileSync(path.join(DOCS, 'cost-and-limits.md'), 'utf8');
      const [, query, variables] = /```graphql\n(query Dashboard[\s\S]*?)```\s*```json\n([\s\S]*?)```/.exec(page)!;
      const apiKey = await developerKey();
      const cost = async (variables: unknown) => {
        const response = await fetch(`${t.origin}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
          body: JSON.stringify({ query, variables }),
        });
        const body = (await response.json()) as { errors?: unknown; extensions: { cost: Cost } };
        return { status: response.status, errors: body.errors, requested: body.extensions.cost.requested };
      };
      expect(await cost(JSON.parse(variables!))).toEqual({ status: 200, errors: undefined, requested: 14 });
      expect(await cost({ n: 100 })).toEqual({ status: 200, errors: undefined, requested: 127 });
      expect(page).toContain('1,310 nodes, so this request costs ⌈13.1⌉ = **14 points**');
      expect(page).toContain('with `{"n": 100}` could return 12,650 nodes and costs 127.');
    });
  });

  it('generated.ts is what codegen makes of operations.graphql and the published schema', async () => {
    const outputs: Array<{ filename: string; content: string }> = await generate(
      { ...codegenConfig, cwd: ROOT, silent: true },
      false,
    );
    expect(outputs.map((o) => path.relative(ROOT, o.filename))).toEqual(['docs/examples/typescript/generated.ts']);
    expect(readFileSync(outputs[0]!.filename, 'utf8')).toBe(outputs[0]!.content);
  });
});
