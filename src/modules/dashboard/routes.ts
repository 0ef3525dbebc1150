import type { Server } from '../../server';
import { JAVASCRIPT, packageAsset, servePage, type Asset } from '../../static-pages';
import { dashboardPage } from './page';
import { dashboardScript } from './script';

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

/** Serves the dashboard at `GET /dashboard` and its scripts under `/dashboard/`, from memory, none from a CDN. */
export function registerDashboard(app: Server['app']): void {
  const scripts: Asset[] = [
    // the common build: bar, line, pie and the components the page uses, 700 kB instead of 1.1 MB
    packageAsset('/dashboard', 'echarts', 'dist/echarts.common.min.js', JAVASCRIPT),
    // unversioned, so revalidated: it changes with this API, not with a package
    { path: '/dashboard/dashboard.js', contentType: JAVASCRIPT, cacheControl: 'no-cache', body: dashboardScript() },
  ];
  servePage(app, {
    path: '/dashboard',
    html: dashboardPage({ scripts: scripts.map((s) => s.path) }),
    contentSecurityPolicy: DASHBOARD_CONTENT_SECURITY_POLICY,
    assets: scripts,
  });
}
