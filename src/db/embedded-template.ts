import { cpSync, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * The build's embedded database template: a PGlite folder already initialized and migrated
 * (`npm run build` writes it with src/cli/embedded-template.ts). From dist/db/ it is
 * dist/embedded-template; run from src/ there is none, and an empty folder runs initdb as before.
 */
export const EMBEDDED_TEMPLATE = path.join(__dirname, '..', 'embedded-template');

/** The file PostgreSQL (and PGlite) reads to know a folder holds a database. */
const MARKER = 'PG_VERSION';

/**
 * Fills `dataDir` from `template` when `dataDir` holds no database yet and the template exists;
 * true when it did. Copying the folder takes a fraction of a second where PGlite's initdb takes
 * most of a first start. PG_VERSION is copied last, so a copy cut short is never taken for a
 * database: the next start copies again. Migrations still run after it, so a template older than
 * migrations/ only saves less.
 */
export function startFromTemplate(dataDir: string, template: string): boolean {
  if (existsSync(path.join(dataDir, MARKER)) || !existsSync(path.join(template, MARKER))) return false;
  for (const entry of readdirSync(template)) {
    if (entry !== MARKER) cpSync(path.join(template, entry), path.join(dataDir, entry), { recursive: true });
  }
  cpSync(path.join(template, MARKER), path.join(dataDir, MARKER));
  return true;
}
