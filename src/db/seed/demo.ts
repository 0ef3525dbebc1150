import { sql } from 'drizzle-orm';
import { fillOrganizationNameColumns } from '../../modules/search/store';
import { rows, type Database } from '../client';
import { loadReported } from './load-reported';
import { loadSynthetic, SMALL, type SyntheticOptions } from './synthetic';

type Progress = Parameters<typeof loadSynthetic>[2];

/**
 * The demo dataset: the seed articles' records, then a synthetic set (the small one by default),
 * then the name columns of the organizations loaded (fillOrganizationNameColumns).
 */
export async function loadDemo(
  database: Database,
  synthetic: SyntheticOptions = SMALL,
  onProgress?: Progress,
): Promise<void> {
  await loadReported(database.db);
  await loadSynthetic(database, synthetic, onProgress);
  await fillOrganizationNameColumns(database.db);
}

/** True once any organization is stored: the embedded database loads the demo only on first start. */
export async function hasData(database: Database): Promise<boolean> {
  const [row] = await rows<{ found: boolean }>(database.db, sql`select exists(select 1 from organizations) as found`);
  return row!.found;
}
