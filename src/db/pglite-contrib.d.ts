/**
 * PGlite's contrib extensions are published under package `exports` subpaths, which this
 * project's `moduleResolution: node` does not read for types; Node resolves them at run time.
 */
declare module '@electric-sql/pglite/contrib/pg_trgm' {
  import type { Extension } from '@electric-sql/pglite';
  export const pg_trgm: Extension;
}
