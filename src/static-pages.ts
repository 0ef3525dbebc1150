import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Server } from './server';

export const JAVASCRIPT = 'text/javascript; charset=utf-8';
export const CSS = 'text/css; charset=utf-8';

/** A file a page loads, served from memory. */
export interface Asset {
  path: string;
  contentType: string;
  cacheControl: string;
  body: Buffer | string;
}

/**
 * A file of an installed package under `prefix`, at a path naming the package's version so
 * browsers may keep it for good. Found from the package's folder: some packages (react, react-dom)
 * do not export the builds a page loads.
 */
export function packageAsset(prefix: string, pkg: string, file: string, contentType: string): Asset {
  const manifest = require.resolve(`${pkg}/package.json`);
  const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
  return {
    path: `${prefix}/${pkg}-${version}/${basename(file)}`,
    contentType,
    cacheControl: 'public, max-age=31536000, immutable',
    body: readFileSync(join(dirname(manifest), file)),
  };
}

/**
 * Serves a page at `path` under its Content-Security-Policy, and its assets; none from a CDN. The
 * page is `no-cache`: it names the versioned assets, so a new release must reach browsers at once.
 */
export function servePage(
  app: Server['app'],
  page: { path: string; html: string; contentSecurityPolicy: string; assets: readonly Asset[] },
): void {
  for (const asset of page.assets) {
    app.get(asset.path, async (_request, reply) =>
      reply
        .type(asset.contentType)
        .header('cache-control', asset.cacheControl)
        .header('x-content-type-options', 'nosniff')
        .send(asset.body),
    );
  }
  app.get(page.path, async (_request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('content-security-policy', page.contentSecurityPolicy)
      .send(page.html),
  );
}
