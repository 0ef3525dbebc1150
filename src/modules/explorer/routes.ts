import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Server } from '../../server';
import { EXAMPLE_TABS } from './examples';
import { explorerPage } from './page';
import { explorerScript } from './script';

const JAVASCRIPT = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

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

interface Asset {
  path: string;
  contentType: string;
  cacheControl: string;
  body: Buffer | string;
}

/**
 * A file of an installed package, under a path naming the package's version so browsers may keep it
 * for good. Found from the package's folder: react and react-dom do not export their UMD builds.
 */
function packageAsset(pkg: string, file: string, contentType: string): Asset {
  const manifest = require.resolve(`${pkg}/package.json`);
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  return {
    path: `/explorer/${pkg}-${version}/${basename(file)}`,
    contentType,
    cacheControl: 'public, max-age=31536000, immutable',
    body: readFileSync(join(dirname(manifest), file)),
  };
}

/** Serves GraphiQL at `GET /` and its assets under `/explorer/`, all from memory, none from a CDN. */
export function registerExplorer(app: Server['app']): void {
  const stylesheet = packageAsset('graphiql', 'graphiql.min.css', CSS);
  const scripts = [
    packageAsset('react', 'umd/react.production.min.js', JAVASCRIPT),
    packageAsset('react-dom', 'umd/react-dom.production.min.js', JAVASCRIPT),
    packageAsset('graphiql', 'graphiql.min.js', JAVASCRIPT),
    // unversioned, so revalidated: it changes with this API, not with a package
    {
      path: '/explorer/explorer.js',
      contentType: JAVASCRIPT,
      cacheControl: 'no-cache',
      body: explorerScript(EXAMPLE_TABS),
    },
  ];
  const page = explorerPage({ stylesheet: stylesheet.path, scripts: scripts.map((s) => s.path) });

  for (const asset of [stylesheet, ...scripts]) {
    app.get(asset.path, async (_request, reply) =>
      reply
        .type(asset.contentType)
        .header('cache-control', asset.cacheControl)
        .header('x-content-type-options', 'nosniff')
        .send(asset.body),
    );
  }
  // no-cache: the page names the versioned assets, so a new release must reach browsers at once
  app.get('/', async (_request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('content-security-policy', CONTENT_SECURITY_POLICY)
      .send(page),
  );
}
