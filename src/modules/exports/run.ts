import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Database, Line } from '../../db/client';
import type { RegionDirectory } from '../regions/directory';
import { toGlobalId } from '../node/global-id';
import { EXPORTED_LISTS } from './entities';
import { FORMATS } from './formats';
import type { ExportRow } from './mappers';
import { exportStatement } from './store';

/** Records fetched from the cursor at a time: about 0.5 MB of text; more makes more garbage per fetch, and is no faster. */
export const BATCH_ROWS = 1_000;

/** How long one statement of an export may take (its first fetch sorts the whole list): 10 minutes. */
const EXPORT_STATEMENT_TIMEOUT_MS = 10 * 60_000;

const dialect = new PgDialect();

/** The export directory of a server given none (tests, benches): one per machine. */
export const DEFAULT_EXPORT_DIR = path.join(tmpdir(), 'gongyi-graph-exports');

/** How a file being written ends its name. */
export const PART = '.part';

export interface WrittenFile {
  rowCount: number;
  byteCount: number;
  /** the name under the export directory */
  fileName: string;
}

/** The file an export's records go to once complete; written first under a `.part` name. */
export function exportFileName(row: Pick<ExportRow, 'id' | 'format'>): string {
  return `${row.id}.${FORMATS[row.format].extension}`;
}

/**
 * Writes an export's file into `dir`: the list's rows with the export's filter, in the list's
 * order, streamed from a database cursor to a temporary file with backpressure (memory holds at
 * most two batches, whatever the row count), renamed into place once complete, so a file under
 * its final name is always whole. A failure deletes the temporary file and throws; a process
 * that dies leaves it for the sweep (deleteExpiredExports).
 */
export async function writeExportFile(
  database: Database,
  regions: RegionDirectory,
  dir: string,
  row: ExportRow,
  batchRows = BATCH_ROWS,
): Promise<WrittenFile> {
  const list = EXPORTED_LISTS[row.entity];
  const query = list.list({ filter: row.filter[list.filterField] ?? null }, regions);
  const layout = FORMATS[row.format].layout(list, toGlobalId('Export', row.id), new Date());
  const fileName = exportFileName(row);
  // an attempt of its own: one the queue gave up on as expired may still be writing
  const partial = path.join(dir, `${fileName}.${randomUUID()}${PART}`);
  await mkdir(dir, { recursive: true });
  const file = createWriteStream(partial);
  // an error while no write waits is kept for the next one (and for the close)
  let failure: unknown;
  file.on('error', (error) => (failure ??= error));
  const put = async (text: string) => {
    if (failure) throw failure;
    if (text.length > 0 && !file.write(text)) await once(file, 'drain');
  };
  /**
   * Writes a batch line by line into one corked write (no batch-sized string is built: one past
   * V8's 128 KB would live until a full collection), then waits for the stream if it is full.
   */
  let first = true;
  const putLines = async (lines: Line[]) => {
    if (failure) throw failure;
    file.cork();
    for (const line of lines) {
      if (!first && layout.separator) file.write(layout.separator);
      file.write(line);
      first = false;
    }
    file.uncork();
    if (file.writableNeedDrain) await once(file, 'drain');
  };
  try {
    await put(layout.head);
    const statement = dialect.sqlToQuery(exportStatement(query, layout.line, layout.joins));
    const options = { batchRows, statementTimeoutMs: EXPORT_STATEMENT_TIMEOUT_MS };
    const rowCount = await database.readLines(statement, options, putLines);
    await put(layout.tail);
    file.end();
    await once(file, 'close');
    if (failure) throw failure;
    await rename(partial, path.join(dir, fileName));
    return { rowCount, byteCount: file.bytesWritten, fileName };
  } catch (error) {
    // a stream destroyed while still opening creates its file when the open completes: wait for it
    file.destroy();
    if (!file.closed) await once(file, 'close');
    await rm(partial, { force: true });
    throw error;
  }
}
