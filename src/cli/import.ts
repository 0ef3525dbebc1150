import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { SingleBar } from 'cli-progress';
import { loadConfig } from '../config';
import { openDatabase, type Db } from '../db/client';
import type { ImportEntity, ImportFormat, ImportMode } from '../generated/graphql';
import { IMPORTED_ENTITIES } from '../modules/imports/entities';
import { importNow, type ImportProgress } from '../modules/imports/run';
import { COMMAND_LINE } from '../modules/mutations/writer';
import { toGlobalId } from '../modules/node/global-id';

const USAGE = `usage:
  npm run import -- FILE --entity DONATIONS|DISBURSEMENTS|PROJECT_REPORTS|TRAINING_SESSIONS
                         [--mode ALL_OR_NOTHING|VALID_ROWS_ONLY] [--format CSV|JSONL]
      imports FILE as the command line (staff: every organization's records); the format is
      taken from the extension (.csv, .tsv, .txt: CSV; .jsonl, .ndjson: JSONL) unless given.
      Exits 1 when the import FAILED.`;

class UsageError extends Error {}

/** Bad rows printed after the summary; the rest are in the database. */
const PRINTED_ERRORS = 20;

const EXTENSION_FORMATS: Readonly<Record<string, ImportFormat>> = {
  '.csv': 'CSV',
  '.tsv': 'CSV',
  '.txt': 'CSV',
  '.jsonl': 'JSONL',
  '.ndjson': 'JSONL',
};

function oneOf<T extends string>(option: string, value: string | undefined, values: readonly T[]): T {
  const upper = value?.toUpperCase() as T;
  if (!values.includes(upper)) throw new UsageError(`--${option} must be one of ${values.join(', ')}`);
  return upper;
}

/**
 * Imports the file that `args` name into `db` as the command line, printing the summary and the
 * first bad rows to `out`, with a progress bar over the bytes read when `progress`; the exit code.
 * It runs the import here and now, through the pipeline the servers' workers run queued imports
 * with; it queues nothing.
 */
export async function importFile(
  db: Db,
  args: string[],
  out: NodeJS.WritableStream,
  progress: boolean,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { entity: { type: 'string' }, mode: { type: 'string' }, format: { type: 'string' } },
  });
  const [file] = positionals;
  if (!file || positionals.length > 1) throw new UsageError('give one FILE');
  const entity = oneOf('entity', values.entity, Object.keys(IMPORTED_ENTITIES) as ImportEntity[]);
  const mode = oneOf<ImportMode>('mode', values.mode ?? 'ALL_OR_NOTHING', ['ALL_OR_NOTHING', 'VALID_ROWS_ONLY']);
  const format = values.format
    ? oneOf<ImportFormat>('format', values.format, ['CSV', 'JSONL'])
    : EXTENSION_FORMATS[extname(file).toLowerCase()];
  if (!format) throw new UsageError(`--format is needed: the extension of ${file} does not say`);
  const size = (await stat(file)).size;

  const bar = progress
    ? new SingleBar({
        format: '{bar} {percentage}% | {value}/{total} bytes | {rows} rows, {errors} bad',
        hideCursor: true,
      })
    : null;
  bar?.start(size, 0, { rows: 0, errors: 0 });
  let read = 0;
  async function* counted(): AsyncGenerator<Buffer> {
    for await (const chunk of createReadStream(file!)) {
      read += (chunk as Buffer).length;
      bar?.update(read);
      yield chunk as Buffer;
    }
  }
  const onProgress = (p: ImportProgress) => bar?.update(read, { rows: p.rows, errors: p.errors });
  let outcome;
  try {
    outcome = await importNow(db, COMMAND_LINE, { entity, mode, format }, counted(), onProgress);
  } finally {
    bar?.stop();
  }
  const { import: row, errors } = outcome;
  out.write(
    `import ${toGlobalId('Import', row.id)} ${row.status}: ${row.rowCount} rows read, ${row.writtenCount} written, ${row.errorCount} bad\n`,
  );
  for (const e of errors.slice(0, PRINTED_ERRORS)) {
    out.write(`  line ${e.line}${e.field ? ` ${e.field}` : ''}: ${e.code} ${e.message}\n`);
  }
  if (row.errorCount > PRINTED_ERRORS) {
    out.write(`  … ${row.errorCount - PRINTED_ERRORS} more: INTERNAL keys read them all as the import's errors\n`);
  }
  return row.status === 'FAILED' ? 1 : 0;
}

/** `npm run import -- FILE --entity E …` against DATABASE_URL, or the embedded database (stop the server first). */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    process.exitCode = await importFile(database.db, process.argv.slice(2), process.stdout, process.stderr.isTTY);
  } finally {
    await database.close();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    const parseFailed = String((error as { code?: unknown } | undefined)?.code).startsWith('ERR_PARSE_ARGS');
    if (error instanceof UsageError || parseFailed) {
      process.stderr.write(`${message}\n\n${USAGE}\n`);
      process.exit(2);
    }
    process.stderr.write(`${message}\n`);
    process.exit(1);
  });
}
