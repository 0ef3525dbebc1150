import { mkdtempSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../db/client';
import { migrate } from '../db/migrate';

/**
 * `node dist/cli/embedded-template.js FOLDER`, run by the build (scripts/build.js): writes the
 * embedded database template (src/db/embedded-template.ts) to FOLDER. It is PGlite's initdb, the
 * migrations and the reference data, closed cleanly; no demo data, which a first start loads when
 * SEED_DEMO asks. It is written beside FOLDER and renamed into place, so a starting server never
 * copies half of one.
 */
async function main(): Promise<void> {
  const [target, ...rest] = process.argv.slice(2);
  if (!target || rest.length > 0) throw new Error('usage: node dist/cli/embedded-template.js FOLDER');
  const folder = path.resolve(target);
  const building = mkdtempSync(`${folder}.building-`);
  try {
    const database = await openDatabase({ dataDir: building, template: null });
    try {
      await migrate(database);
    } finally {
      await database.close();
    }
    rmSync(folder, { recursive: true, force: true });
    renameSync(building, folder);
  } finally {
    rmSync(building, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
