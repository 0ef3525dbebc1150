import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, validate } from 'graphql';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEFAULT_TIER_BUDGETS } from '../../../src/modules/access/tiers';
import {
  DONATIONS_QUERY,
  ORGANIZATIONS_QUERY,
  TRAINING_QUERY,
  donationsVariables,
  organizationsVariables,
  trainingVariables,
  type DataScope,
} from '../../../src/modules/dashboard/queries';
import { DASHBOARD_CONTENT_SECURITY_POLICY } from '../../../src/modules/dashboard/routes';
import { loadTypeDefs } from '../../../src/schema';
import { CHROMIUM, describeWithChromium } from '../../support/needs-chromium';
import { startTestServer, type TestServer } from '../../support/server';
import { createWriters, type Writers } from '../../support/writers';

/** Screenshots of every view, kept for reviewers (gitignored). */
const ARTIFACTS = join(__dirname, '..', '..', 'artifacts', 'dashboard');
const VIEWS = ['donations', 'training', 'organizations'] as const;
/** A quarter of the anonymous hourly budget: a visitor without a key can load the page four times an hour. */
const LOAD_BUDGET = DEFAULT_TIER_BUDGETS.ANONYMOUS / 4;

const DONATION_SUMMARY = /* GraphQL */ `
  query Summary($filter: DonationFilter!) {
    donationSummary(filter: $filter) {
      donationCount
      total {
        value
      }
      cash {
        value
      }
      inKind {
        value
      }
      unsplitTotal {
        value
      }
      provenanceCounts {
        reported
        submitted
        synthetic
      }
    }
  }
`;
const TRAINING_PROGRESS = /* GraphQL */ `
  query Progress($filter: TrainingSessionFilter!) {
    trainingProgress(filter: $filter) {
      personTimes
      target
    }
  }
`;
const ORGANIZATION_COUNT = /* GraphQL */ `
  query Count($filter: OrganizationFilter!) {
    organizations(filter: $filter, first: 1) {
      totalCount
    }
  }
`;
const AN_ENTERPRISE = /* GraphQL */ `
  query Enterprise {
    organizations(filter: { types: [ENTERPRISE], provenance: [REPORTED] }, first: 1) {
      nodes {
        id
      }
    }
  }
`;
const RECORD_DONATION = /* GraphQL */ `
  mutation Record($input: RecordDonationInput!) {
    recordDonation(input: $input) {
      __typename
      ... on RecordDonationSuccess {
        donation {
          total {
            value
          }
          provenance {
            kind
          }
        }
      }
    }
  }
`;

describe('the dashboard queries', () => {
  it('are each valid against the schema', () => {
    const schema = buildSchema(loadTypeDefs());
    const errors = [DONATIONS_QUERY, TRAINING_QUERY, ORGANIZATIONS_QUERY].map((q) =>
      validate(schema, parse(q)).map((e) => e.message),
    );
    expect(errors).toEqual([[], [], []]);
  });
});

describe('the dashboard over HTTP', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ seed: false });
  });
  afterAll(() => t.close());

  it('serves the page at /dashboard under a same-origin Content-Security-Policy', async () => {
    const response = await fetch(`${t.origin}/dashboard`);
    expect([
      response.status,
      response.headers.get('content-type'),
      response.headers.get('content-security-policy'),
    ]).toEqual([200, 'text/html; charset=utf-8', DASHBOARD_CONTENT_SECURITY_POLICY]);
    expect(DASHBOARD_CONTENT_SECURITY_POLICY).toContain("connect-src 'self'");
  });

  it('serves ECharts from the installed package under a versioned path cached for good, and its own script revalidated', async () => {
    const html = await (await fetch(`${t.origin}/dashboard`)).text();
    const paths = [...html.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]!);
    const served = await Promise.all(
      paths.map(async (path) => {
        const response = await fetch(`${t.origin}${path}`);
        return [path, response.status, response.headers.get('content-type'), response.headers.get('cache-control')];
      }),
    );
    const js = 'text/javascript; charset=utf-8';
    const { version } = require('echarts/package.json') as { version: string };
    expect(served).toEqual([
      [`/dashboard/echarts-${version}/echarts.common.min.js`, 200, js, 'public, max-age=31536000, immutable'],
      ['/dashboard/dashboard.js', 200, js, 'no-cache'],
    ]);
  });
});

describeWithChromium('the dashboard in Chromium', () => {
  let t: TestServer;
  let writers: Writers;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** requests the page attempted to any host but the test server; each was aborted */
  let offsite: string[];
  /** console errors, CSP refusals among them, and uncaught exceptions */
  let consoleErrors: string[];
  /** `extensions.cost.requested` of each GraphQL response the page received, and whether it sent a key */
  /** The cost of each GraphQL request the page made, in order, read when asked: a response is recorded the moment it arrives, its body may be parsed after the page is ready. */
  let costs: Promise<number>[];
  let keyed: boolean;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    // the test's own reads use a key; the page, anonymous, would still fit in the default budget a few loads
    t = await startTestServer({ access: { tierBudgets: { ...DEFAULT_TIER_BUDGETS, ANONYMOUS: 10_000 } } });
    writers = await createWriters(t.database.db);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  beforeEach(async () => {
    offsite = [];
    consoleErrors = [];
    costs = [];
    keyed = false;
    context = await browser.newContext({ viewport: { width: 1360, height: 900 }, deviceScaleFactor: 1 });
    page = await context.newPage();
    const host = new URL(t.origin).host;
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.host === host || url.protocol === 'data:') return route.continue();
      offsite.push(url.href);
      return route.abort();
    });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
    page.on('response', (response) => {
      if (new URL(response.url()).pathname !== '/graphql') return;
      if (response.request().headers()['authorization']) keyed = true;
      const cost = response.json().then((body) => body.extensions.cost.requested);
      cost.catch(() => {}); // a test that never reads it may close the page first
      costs.push(cost);
    });
  });
  afterEach(async () => {
    await context.close();
    expect(offsite).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  const asStaff = (query: string, variables: Record<string, unknown>) =>
    t.query(query, variables, writers.internal.headers).then((r) => {
      expect(r.body.errors).toBeUndefined();
      return r.body.data;
    });

  /** Opens the dashboard (with `?query`) and waits until every view has drawn. */
  async function open(query = ''): Promise<void> {
    await page.goto(`${t.origin}/dashboard${query}`);
    await page.locator('body[data-state=ready]').waitFor();
  }

  /** Every figure on the page, exact, by name. */
  async function figures(): Promise<Record<string, string>> {
    const pairs = await page
      .locator('[data-figure]')
      .evaluateAll((nodes) => nodes.map((n) => [n.getAttribute('data-figure'), n.getAttribute('data-value')]));
    return Object.fromEntries(pairs);
  }

  /** The figures the page should show, each read from the API by a query of its own. */
  async function expectedFigures(scope: DataScope): Promise<Record<string, string>> {
    const donations = donationsVariables(scope);
    const { donationSummary: summary } = await asStaff(DONATION_SUMMARY, { filter: donations.filter });
    const { donationSummary: named } = await asStaff(DONATION_SUMMARY, { filter: donations.named });
    const { byIndustry, topDonors, articles } = await asStaff(DONATIONS_QUERY, donations);
    const { trainingProgress } = await asStaff(TRAINING_PROGRESS, trainingVariables(scope));
    const { timeline } = await asStaff(TRAINING_QUERY, trainingVariables(scope));
    const organizations = organizationsVariables(scope).filter;
    const count = async (filter: Record<string, unknown>) =>
      String((await asStaff(ORGANIZATION_COUNT, { filter: { ...organizations, ...filter } })).organizations.totalCount);
    const { byType, byStatus, byProvince } = await asStaff(ORGANIZATIONS_QUERY, organizationsVariables(scope));
    const groupCounts = async (
      prefix: string,
      groups: Array<{ key: string | null }>,
      filterOf: (key: string) => Record<string, unknown>,
    ) =>
      Object.fromEntries(
        await Promise.all(
          groups
            .filter((g) => g.key !== null)
            .map(async (g) => [`${prefix}.${g.key}`, await count(filterOf(g.key!))] as const),
        ),
      );
    return {
      'donations.total': summary.total.value,
      'donations.cash': summary.cash.value,
      'donations.inKind': summary.inKind.value,
      'donations.unsplit': summary.unsplitTotal.value,
      'donations.count': String(summary.donationCount),
      'donations.named.epidemic_enterprise_donation_total': named.total.value,
      'donations.named.epidemic_enterprise_donation_cash': named.cash.value,
      ...Object.fromEntries(byIndustry.map((g: any) => [`donations.industry.${g.key ?? 'none'}.total`, g.total.value])),
      ...Object.fromEntries(topDonors.map((g: any, i: number) => [`donations.donor.${i + 1}.total`, g.total.value])),
      ...Object.fromEntries(articles.nodes.map((m: any) => [`donations.article.${m.indicator.code}`, m.value])),
      'training.personTimes': String(trainingProgress.personTimes),
      'training.target': String(trainingProgress.target),
      ...Object.fromEntries(timeline.periods.map((p: any) => [`training.month.${p.key}`, String(p.personTimes)])),
      'organizations.total': await count({}),
      ...(await groupCounts('organizations.type', byType, (key) => ({ types: [key] }))),
      ...(await groupCounts('organizations.status', byStatus, (key) => ({ registrationStatuses: [key] }))),
      ...(await groupCounts('organizations.province', byProvince, (key) => ({ regionCode: key }))),
    };
  }

  /** The figures shown under the names `expected` has. */
  const pick = (shown: Record<string, string>, expected: Record<string, string>) =>
    Object.fromEntries(Object.keys(expected).map((name) => [name, shown[name]]));

  async function screenshots(name: string): Promise<void> {
    for (const view of VIEWS)
      await page.locator(`#${view}`).screenshot({ path: join(ARTIFACTS, `${name}-${view}.png`) });
  }

  it("opens on reported data in Chinese, showing the articles' COVID-19 figures beside the API's, each with its source", async () => {
    await open();
    expect(await page.locator('h2').allInnerTexts()).toEqual(['抗疫企业捐赠(2020年)', '社区社工人才培训', '社会组织']);
    const expected = await expectedFigures('reported');
    const shown = await figures();
    expect(pick(shown, expected)).toEqual(expected);
    // the article's own totals, and the named records' sum the seed reproduces
    expect(
      pick(shown, {
        'donations.article.epidemic_enterprise_donation_total': '',
        'donations.article.epidemic_enterprise_donation_cash': '',
        'donations.article.epidemic_enterprise_donation_in_kind': '',
        'donations.article.epidemic_enterprise_donors_10m_plus': '',
        'donations.total': '',
        'training.target': '',
      }),
    ).toEqual({
      'donations.article.epidemic_enterprise_donation_total': '9277959200.00',
      'donations.article.epidemic_enterprise_donation_cash': '5157193800.00',
      'donations.article.epidemic_enterprise_donation_in_kind': '4120765400.00',
      'donations.article.epidemic_enterprise_donors_10m_plus': '112',
      'donations.total': '3693528200.00',
      'training.target': '2450000',
    });
    expect(await page.locator('#donation-articles tbody tr').first().innerText()).toContain(
      '公益时报 · 2020-12-01 · 抗疫企业捐赠真实数据来了',
    );
    expect(await page.locator('[data-figure="donations.total"]').innerText()).toBe('36.94亿元');
    // the charts draw their labels as SVG text, in the page's language
    expect(await page.locator('#chart-industry svg').textContent()).toContain('制造业');
    expect(await page.locator('#chart-training svg').textContent()).toContain('目标 245万 · 2023-12-31');
    expect(await page.locator('#banner').innerText()).toBe('当前仅显示公开报道的数据(来源见各表)。');
    await screenshots('reported-zh');
  });

  it("gives the exact figures in a chart's tooltip", async () => {
    await open();
    const { byIndustry } = await asStaff(DONATIONS_QUERY, donationsVariables('reported'));
    const largest = byIndustry[0];
    // the largest industry is the top bar; an axis tooltip answers anywhere on its row
    const chart = (await page.locator('#chart-industry').boundingBox())!;
    await page.mouse.move(chart.x + chart.width / 2, chart.y + 75);
    const tooltip = page.locator('#chart-industry > div').filter({ hasText: '捐赠总额' });
    await tooltip.waitFor();
    expect(await tooltip.innerText()).toContain(`${largest.label}\n捐赠总额: ${exactYuan(largest.total.value)} 元`);
    await page.locator('#donations').screenshot({ path: join(ARTIFACTS, 'reported-zh-donations-tooltip.png') });
  });

  it('costs one anonymous visitor at most a quarter of the hourly budget per load', async () => {
    await open();
    expect(keyed).toBe(false);
    expect(costs).toHaveLength(3);
    const total = (await Promise.all(costs)).reduce((a, b) => a + b, 0);
    expect(total).toBeLessThanOrEqual(LOAD_BUDGET);
  });

  it('switches to everything: the figures follow the API, and synthetic records are labelled', async () => {
    await open();
    await page.getByRole('button', { name: '全部数据' }).click();
    await page.locator('body[data-state=ready][data-scope=everything]').waitFor();
    expect(page.url()).toBe(`${t.origin}/dashboard?data=everything`);
    const expected = await expectedFigures('everything');
    expect(pick(await figures(), expected)).toEqual(expected);
    expect(await page.locator('#banner').innerText()).toBe('当前显示包含合成(演示)数据:图中斜纹部分并非真实数据。');
    const { donationSummary } = await asStaff(DONATION_SUMMARY, { filter: donationsVariables('everything').filter });
    expect(donationSummary.provenanceCounts.synthetic).toBeGreaterThan(0);
    expect(await page.locator('#donation-cards').innerText()).toContain(
      `合成 ${donationSummary.provenanceCounts.synthetic}`,
    );
    await screenshots('everything-zh');
  });

  it('switches language without loading the data again, and keeps the choice in the address', async () => {
    await open('?data=everything');
    const requests = costs.length;
    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.locator('h2').allInnerTexts()).toEqual([
      'COVID-19 enterprise donations (2020)',
      'Community social-work talent training',
      'Social organizations',
    ]);
    expect(costs).toHaveLength(requests);
    expect(page.url()).toBe(`${t.origin}/dashboard?lang=en&data=everything`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('[data-figure="donations.total"]').innerText()).toMatch(/^¥[\d,.]+ million$/);
    expect(await page.locator('#chart-industry svg').textContent()).toContain('Manufacturing');
    expect(await page.locator('#chart-training svg').textContent()).toContain('Target 2.45 million · 2023-12-31');
    await screenshots('everything-en');

    await page.getByRole('button', { name: 'Reported only' }).click();
    await page.locator('body[data-state=ready][data-scope=reported]').waitFor();
    expect(await page.locator('[data-figure="donations.total"]').innerText()).toBe('¥3,694 million');
    await screenshots('reported-en');
    await page.getByRole('button', { name: '中文' }).click();
    expect(await page.locator('[data-figure="donations.total"]').innerText()).toBe('36.94亿元');
  });

  it('shows a donation written through the API on the next load', async () => {
    await open('?data=everything');
    const before = (await figures())['donations.total']!;
    const { organizations } = await asStaff(AN_ENTERPRISE, {});
    const recorded = await t.query(
      RECORD_DONATION,
      {
        input: {
          donorId: organizations.nodes[0].id,
          recipientId: writers.grantee.id,
          purpose: 'EPIDEMIC_RESPONSE',
          pledgedOn: '2020-02-10',
          total: '1234567.89',
          cash: '1000000.00',
          inKind: '234567.89',
          inKindDescription: '口罩',
        },
      },
      writers.internal.headers,
    );
    expect(recorded.body.data.recordDonation).toEqual({
      __typename: 'RecordDonationSuccess',
      donation: { total: { value: '1234567.89' }, provenance: { kind: 'SUBMITTED' } },
    });

    await page.reload();
    await page.locator('body[data-state=ready]').waitFor();
    const after = await figures();
    expect(after['donations.total']).toBe(addYuan(before, '1234567.89'));
    expect(await page.locator('#donation-cards').innerText()).toContain('提交 1');
  });
});

/** 1234567.80 → 1,234,567.80 */
function exactYuan(value: string): string {
  const [whole, fraction] = value.split('.');
  return `${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction}`;
}

/** a + b for exact yuan strings */
function addYuan(a: string, b: string): string {
  const fen = (v: string) => BigInt(v.replace('.', ''));
  const sum = (fen(a) + fen(b)).toString().padStart(3, '0');
  return `${sum.slice(0, -2)}.${sum.slice(-2)}`;
}
