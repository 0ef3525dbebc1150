import { randomBytes } from 'node:crypto';
import { and, eq, inArray, isNotNull, lt, sql, type SQL } from 'drizzle-orm';
import { rows, type Db } from '../../db/client';
import { dataExports } from '../../db/schema';
import { whereAll } from '../../db/where-all';
import type { PageWindow } from '../pagination/arguments';
import type { ListQuery, PagedTable } from '../pagination/store';
import type { ExportRow } from './mappers';

/** A new export, QUEUED, with its own URL secret. */
export async function insertExport(
  db: Db,
  values: Pick<ExportRow, 'apiKeyId' | 'entity' | 'format' | 'filter'>,
): Promise<ExportRow> {
  const [row] = await db
    .insert(dataExports)
    .values({ ...values, urlSecret: randomBytes(32) })
    .returning();
  return row!;
}

export async function findExportById(db: Db, id: string): Promise<ExportRow | null> {
  const [row] = await db.select().from(dataExports).where(eq(dataExports.id, id));
  return row ?? null;
}

/** Exports, newest first. */
export function exportList(window: PageWindow): ListQuery<typeof dataExports> {
  return {
    table: dataExports,
    conditions: [],
    sort: { key: sql`${dataExports.createdAt}`, type: 'timestamptz', descending: true },
    window,
  };
}

/** Marks an export RUNNING (again, when a worker died and the job is retried); null when it is gone or finished. */
export async function startExportRun(db: Db, id: string): Promise<ExportRow | null> {
  const [row] = await db
    .update(dataExports)
    .set({ status: 'RUNNING', startedAt: sql`now()`, error: null })
    .where(and(eq(dataExports.id, id), inArray(dataExports.status, ['QUEUED', 'RUNNING'])))
    .returning();
  return row ?? null;
}

/** Ends an export SUCCEEDED: its file written, downloadable for `lifetimeSeconds` from now. */
export async function succeedExport(
  db: Db,
  id: string,
  file: { rowCount: number; byteCount: number; fileName: string },
  lifetimeSeconds: number,
): Promise<ExportRow> {
  const [row] = await db
    .update(dataExports)
    .set({
      ...file,
      status: 'SUCCEEDED',
      finishedAt: sql`now()`,
      expiresAt: sql`now() + make_interval(secs => ${lifetimeSeconds})`,
    })
    .where(eq(dataExports.id, id))
    .returning();
  return row!;
}

/** Ends an export FAILED (`final`), or puts it back QUEUED for the job's retry, with why. */
export async function failExport(db: Db, id: string, error: string, final: boolean): Promise<void> {
  await db
    .update(dataExports)
    .set(final ? { status: 'FAILED', error, finishedAt: sql`now()` } : { status: 'QUEUED', error })
    .where(eq(dataExports.id, id));
}

/** Exports past their expiry whose file has not been deleted yet. */
export async function findExpiredFiles(db: Db, limit: number): Promise<Pick<ExportRow, 'id' | 'fileName'>[]> {
  return db
    .select({ id: dataExports.id, fileName: dataExports.fileName })
    .from(dataExports)
    .where(and(lt(dataExports.expiresAt, sql`now()`), isNotNull(dataExports.fileName)))
    .limit(limit);
}

/** Records that an export's file is gone. */
export async function forgetExportFile(db: Db, id: string): Promise<void> {
  await db.update(dataExports).set({ fileName: null }).where(eq(dataExports.id, id));
}

/** How many rows a list's conditions match. */
export async function countListRows(db: Db, q: ListQuery<PagedTable>): Promise<number> {
  const [row] = await rows<{ n: number }>(db, sql`select count(*)::int as n from ${q.table} ${whereAll(q.conditions)}`);
  return row!.n;
}

/** Every row of a list, in its order, as `line`: its record as text. */
export function exportStatement(q: ListQuery<PagedTable>, line: SQL, joins: SQL): SQL {
  const dir = sql.raw(q.sort.descending ? 'desc' : 'asc');
  return sql`select ${line} as line from ${q.table} ${joins} ${whereAll(q.conditions)}
    order by ${q.sort.key} ${dir}, ${q.table.id} ${dir}`;
}
