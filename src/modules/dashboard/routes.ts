import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Server } from '../../server';
import { dashboardPage } from './page';
import { dashboardScript } from './script';

const JAVASCRIPT = 'text/javascript; charset=utf-8';

/** Only this origin: the page reads the API at /graphql and loads nothing from anywhere else. */
export const DASHBOARD_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  // ECharts positions its tooltips and the page styles itself with inline styles
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

interface Asset {
  path: string;
  cacheControl: string;
  body: Buffer | string;
}

/** A file of an installed package, under a path naming the package's version so browsers may keep it for good. */
function packageAsset(pkg: string, file: string): Asset {
  const manifest = require.resolve(`${pkg}/package.json`);
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  return {
    path: `/dashboard/${pkg}-${version}/${basename(file)}`,
    cacheControl: 'public, max-age=31536000, immutable',
    body: readFileSync(join(dirname(manifest), file)),
  };
}

/** Serves the dashboard at `GET /dashboard` and its scripts under `/dashboard/`, from memory, none from a CDN. */
export function registerDashboard(app: Server['app']): void {
  const scripts: Asset[] = [
    // the common build: bar, line, pie and the components the page uses, 700 kB instead of 1.1 MB
    packageAsset('echarts', 'dist/echarts.common.min.js'),
    // unversioned, so revalidated: it changes with this API, not with a package
    { path: '/dashboard/dashboard.js', cacheControl: 'no-cache', body: dashboardScript() },
  ];
  const page = dashboardPage({ scripts: scripts.map((s) => s.path) });

  for (const asset of scripts) {
    app.get(asset.path, async (_request, reply) =>
      reply
        .type(JAVASCRIPT)
        .header('cache-control', asset.cacheControl)
        .header('x-content-type-options', 'nosniff')
        .send(asset.body),
    );
  }
  app.get('/dashboard', async (_request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('content-security-policy', DASHBOARD_CONTENT_SECURITY_POLICY)
      .send(page),
  );
}
