import { buildSchema, parse, validate } from 'graphql';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';
import { EXAMPLE_TABS } from '../../../src/modules/explorer/examples';
import { loadTypeDefs } from '../../../src/schema';
import { CHROMIUM, describeWithChromium } from '../../support/needs-chromium';
import { startTestServer, type TestServer } from '../../support/server';

const [ORGANIZATIONS] = EXAMPLE_TABS;
const API_KEY = 'gyk1_explorer-test-key';

describe('the explorer example operations', () => {
  it('are each valid against the schema', () => {
    const schema = buildSchema(loadTypeDefs());
    const errors = EXAMPLE_TABS.map((tab) => validate(schema, parse(tab.query)).map((e) => e.message));
    expect(errors).toEqual(EXAMPLE_TABS.map(() => []));
  });
});

describe('the explorer over HTTP', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ seed: false });
  });
  afterAll(() => t.close());

  it('serves the page at / under a same-origin Content-Security-Policy', async () => {
    const response = await fetch(`${t.origin}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; " +
        "font-src 'self' data:; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it('serves every asset the page names, the packages under versioned paths cached for good', async () => {
    const html = await (await fetch(`${t.origin}/`)).text();
    const paths = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    const served = await Promise.all(
      paths.map(async (path) => {
        const response = await fetch(`${t.origin}${path}`);
        return [path, response.status, response.headers.get('content-type'), response.headers.get('cache-control')];
      }),
    );
    const forGood = 'public, max-age=31536000, immutable';
    const js = 'text/javascript; charset=utf-8';
    expect(served).toEqual([
      [versionedPath('graphiql', 'graphiql.min.css'), 200, 'text/css; charset=utf-8', forGood],
      [versionedPath('react', 'react.production.min.js'), 200, js, forGood],
      [versionedPath('react-dom', 'react-dom.production.min.js'), 200, js, forGood],
      [versionedPath('graphiql', 'graphiql.min.js'), 200, js, forGood],
      ['/explorer/explorer.js', 200, js, 'no-cache'],
    ]);
  });
});

describeWithChromium('the explorer page in Chromium', () => {
  let t: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** requests the page attempted to any host but the test server; each was aborted */
  let offsite: string[];
  let consoleErrors: string[];

  beforeAll(async () => {
    t = await startTestServer();
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
    context = await browser.newContext();
    page = await context.newPage();
    const host = new URL(t.origin).host;
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.host === host) return route.continue();
      offsite.push(url.href);
      return route.abort();
    });
    page.on('console', (message) => {
      // the 401 refusing a made-up key is the server's answer, not the page's fault
      if (message.type() === 'error' && !message.text().includes('status of 401')) consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
  });
  // every test doubles as the proof that the page works offline and within its Content-Security-Policy
  afterEach(async () => {
    await context.close();
    expect(offsite).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  /** Opens the page and waits until GraphiQL has loaded the schema by introspection. */
  async function openExplorer(): Promise<void> {
    const introspected = page.waitForResponse((r) => isOperation(r.request(), 'IntrospectionQuery'));
    await page.goto(`${t.origin}/`);
    await introspected;
    await page.locator('.graphiql-execute-button').waitFor();
  }

  /** Clicks the run button and returns the result pane's text once it has some. */
  async function runActiveTab(): Promise<string> {
    await page.locator('.graphiql-execute-button').click();
    // CodeMirror draws only the lines in view; its instance on the element holds the whole text
    const result = await page.waitForFunction(
      // tests compile without the DOM's types; a string would need 'unsafe-eval', which the page's CSP refuses
      () => (globalThis as any).document.querySelector('.result-window .CodeMirror')?.CodeMirror.getValue(),
    );
    return (await result.jsonValue()) as string;
  }

  it('opens on the example tabs and runs the first, showing what a direct query answers', async () => {
    await openExplorer();
    expect(await page.locator('.graphiql-tab-button').allInnerTexts()).toEqual([
      'Organizations',
      'DonationSummary',
      'DonationsByIndustry',
      'Budget',
    ]);
    const shown = JSON.parse(await runActiveTab());
    const direct = await t.query(ORGANIZATIONS!.query, { after: null });
    expect(direct.body.data.organizations.totalCount).toBeGreaterThan(0);
    // extensions differ: they report each request's own cost
    expect([shown.data, shown.errors]).toEqual([direct.body.data, undefined]);
  });

  it('sends the API key typed above GraphiQL as a bearer token, and none while the field is empty', async () => {
    await openExplorer();
    const anonymous = page.waitForRequest((r) => isOperation(r, 'Organizations'));
    await runActiveTab();
    expect(await (await anonymous).headerValue('authorization')).toBeNull();

    await page.getByLabel('API key').fill(API_KEY);
    const keyed = page.waitForRequest((r) => isOperation(r, 'Organizations'));
    await page.locator('.graphiql-execute-button').click();
    expect(await (await keyed).headerValue('authorization')).toBe(`Bearer ${API_KEY}`);
  });

  it('keeps the API key in the browser, so after a reload even the introspection carries it', async () => {
    await openExplorer();
    await page.getByLabel('API key').fill(API_KEY);
    const introspection = page.waitForRequest((r) => isOperation(r, 'IntrospectionQuery'));
    await page.reload();
    expect(await (await introspection).headerValue('authorization')).toBe(`Bearer ${API_KEY}`);
    expect(await page.getByLabel('API key').inputValue()).toBe(API_KEY);
  });
});

function isOperation(request: Request, operationName: string): boolean {
  return (
    request.method() === 'POST' &&
    new URL(request.url()).pathname === '/graphql' &&
    request.postDataJSON()?.operationName === operationName
  );
}

/** `/explorer/<package>-<semver>/<file>` */
function versionedPath(pkg: string, file: string) {
  return expect.stringMatching(new RegExp(`^/explorer/${pkg}-\\d+\\.\\d+\\.\\d+/${file.replaceAll('.', '\\.')}$`));
}
