import type { Server } from '../../server';
import { CSS, JAVASCRIPT, packageAsset, servePage } from '../../static-pages';
import { EXAMPLE_TABS } from './examples';
import { explorerPage } from './page';
import { explorerScript } from './script';

/** Only this origin: the page needs no other host, and an injected script could neither run nor send the API key away. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  // GraphiQL's dialogs insert <style> elements (react-remove-scroll), and the page has one of its own
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self'",
  // GraphiQL's stylesheet embeds its fonts and a few images as data: URLs
  "font-src 'self' data:",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Serves GraphiQL at `GET /` and its assets under `/explorer/`, all from memory, none from a CDN. */
export function registerExplorer(app: Server['app']): void {
  const stylesheet = packageAsset('/explorer', 'graphiql', 'graphiql.min.css', CSS);
  const scripts = [
    packageAsset('/explorer', 'react', 'umd/react.production.min.js', JAVASCRIPT),
    packageAsset('/explorer', 'react-dom', 'umd/react-dom.production.min.js', JAVASCRIPT),
    packageAsset('/explorer', 'graphiql', 'graphiql.min.js', JAVASCRIPT),
    // unversioned, so revalidated: it changes with this API, not with a package
    {
      path: '/explorer/explorer.js',
      contentType: JAVASCRIPT,
      cacheControl: 'no-cache',
      body: explorerScript(EXAMPLE_TABS),
    },
  ];
  servePage(app, {
    path: '/',
    html: explorerPage({ stylesheet: stylesheet.path, scripts: scripts.map((s) => s.path) }),
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    assets: [stylesheet, ...scripts],
  });
}
