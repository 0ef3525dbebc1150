import path from 'node:path';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { chunked } from './chunked';
import type { Database } from './client';
import { changesFromExcluded } from './excluded';
import { indicators } from './reference/indicators';
import { loadRegions } from './reference/regions';
import { governanceIndicators, regions } from './schema';
import { regionNameEn } from '../modules/regions/english-name';
import { fillOrganizationNameColumns } from '../modules/search/store';

const MIGRATIONS_FOLDER = path.join(__dirname, '..', '..', 'migrations');

/**
 * Applies drizzle-kit's migrations, upserts the reference data (regions, indicators), and writes
 * the name columns of organizations stored without them (fillOrganizationNameColumns).
 */
export async function migrate(database: Database): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_FOLDER };
  if (database.engine === 'pglite') {
    // required for the embedded database only, as PGlite itself is (client.ts)
    const { migrate: migratePglite } =
      require('drizzle-orm/pglite/migrator') as typeof import('drizzle-orm/pglite/migrator');
    await migratePglite(database.db as PgliteDatabase<never>, config);
  } else await migratePostgres(database.db as PostgresJsDatabase<never>, config);
  await loadReferenceData(database);
  await fillOrganizationNameColumns(database.db);
}

async function loadReferenceData({ db }: Database): Promise<void> {
  await db.transaction(async (tx) => {
    for (const batch of chunked(loadRegions(), 1000)) {
      await tx
        .insert(regions)
        .values(batch.map((r) => ({ ...r, nameEn: regionNameEn(r.name) })))
        .onConflictDoUpdate({
          target: regions.code,
          ...changesFromExcluded(regions, ['name', 'nameEn', 'parentCode', 'level']),
        });
    }
    await tx
      .insert(governanceIndicators)
      .values(indicators)
      .onConflictDoUpdate({
        target: governanceIndicators.code,
        ...changesFromExcluded(governanceIndicators, ['name', 'description', 'unit']),
      });
  });
}
