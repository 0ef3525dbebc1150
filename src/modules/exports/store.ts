import { randomBytes } from 'node:crypto';
import { and, eq, inArray, isNotNull, lt, sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
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

/** A record's text: its UTF-8 bytes as they came from the server, or a string where the driver decodes. */
export type Line = Buffer | string;

/** The part of a postgres.js transaction a raw fetch needs. */
interface RawClient {
  unsafe: (query: string) => { raw: () => Promise<Buffer[][]> };
}

/**
 * One fetch's lines. On postgres.js they are read raw: each value a Buffer slice of the bytes
 * that came in, which go to the file as they are. Decoding a million lines into strings and
 * encoding them again made about 0.5 GB of garbage per million rows, and the server's RSS grew
 * with it until V8 collected (about +100 MB; raw, about +65 MB). Drizzle keeps the transaction's
 * postgres.js client as `session.client`; where there is none (PGlite), lines are strings.
 */
async function fetchLines(tx: Db, fetch: SQL): Promise<Line[]> {
  const client = (tx as unknown as { session?: { client?: Partial<RawClient> } }).session?.client;
  if (typeof client?.unsafe === 'function') {
    const text = new PgDialect().sqlToQuery(fetch).sql;
    return (await (client as RawClient).unsafe(text).raw()).map((row) => row[0]!);
  }
  return (await rows<{ line: string }>(tx, fetch)).map((r) => r.line);
}

/** How long one statement of an export (its first fetch sorts the whole list) may take: 10 minutes. */
const EXPORT_STATEMENT_TIMEOUT_MS = 10 * 60_000;

/**
 * Reads `statement`'s lines through a cursor, `batchRows` at a time, in one transaction (one
 * snapshot: the file is the list at one instant), handing each batch to `write` while the next
 * is fetched, so the database and the file are busy at once and at most two batches are in
 * memory. Returns the number of lines.
 */
export async function readLines(
  db: Db,
  statement: SQL,
  batchRows: number,
  write: (lines: Line[]) => Promise<void>,
): Promise<number> {
  return db.transaction(async (tx) => {
    // the first fetch sorts every matching row: a request's deadline is far too short for that
    await tx.execute(sql.raw(`set local statement_timeout = ${EXPORT_STATEMENT_TIMEOUT_MS}`));
    await tx.execute(sql`declare export_lines no scroll cursor for ${statement}`);
    const fetch = sql.raw(`fetch forward ${Math.trunc(batchRows)} from export_lines`);
    let count = 0;
    let written: Promise<void> = Promise.resolve();
    try {
      for (;;) {
        const batch = await fetchLines(tx as unknown as Db, fetch);
        await written;
        if (batch.length === 0) break;
        count += batch.length;
        written = write(batch);
        if (batch.length < batchRows) break;
      }
      await written;
    } finally {
      // a failed write must not leave its promise unobserved
      await written.catch(() => {});
    }
    return count;
  });
}
