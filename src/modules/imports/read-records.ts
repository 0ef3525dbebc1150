import { finished } from 'node:stream/promises';
import { CsvError, parse, type Parser } from 'csv-parse';
import { getDecoder } from 'iconv-lite';

/** The file formats an import accepts. */
export type ImportFormat = 'CSV' | 'JSONL';

/** Why one record of an import file cannot be read; `field` names the column when one is to blame. */
export interface RecordProblem {
  field: string | null;
  code: 'INVALID';
  message: string;
}

/** One record of an import file, or why it cannot be read; `line` is the 1-based line it starts on. */
export type RecordRead = { line: number; values: Record<string, unknown> } | { line: number; problem: RecordProblem };

/** How much of the start of a file decides its encoding and, for CSV, its delimiter. */
const SNIFF_BYTES = 64 * 1024;

/**
 * The longest record read, in bytes. It keeps memory bounded whatever the input: a CSV quote left
 * open would otherwise make the rest of the file one field. Excel cells hold at most 32,767 characters.
 */
const MAX_RECORD_BYTES = 1024 * 1024;

const EMPTY = Buffer.alloc(0);
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The records of a CSV or JSONL file, read as the consumer asks for them: one input chunk is read at
 * a time, so memory stays constant whatever the file's size. A record that cannot be read is a
 * problem for its line and reading goes on, except where nothing after it can be trusted (a CSV
 * header that cannot name the columns, a quote left open), which ends the records with that problem.
 * Stopping early closes the input.
 *
 * CSV: the first non-blank row names the columns; values are trimmed strings and an empty cell is
 * left out; blank rows are skipped. The encoding is UTF-8, or GB18030 when the first 64 KiB are not
 * UTF-8 (Excel's "CSV" on Chinese Windows), or UTF-16LE after an FF FE byte-order mark (Excel's
 * "Unicode text"); the delimiter is a tab when the header has tabs and no comma.
 *
 * JSONL: UTF-8, one JSON object per line, taken as it is; blank lines are skipped.
 */
export async function* readRecords(
  input: AsyncIterable<Buffer | string>,
  format: ImportFormat,
): AsyncGenerator<RecordRead> {
  yield* format === 'CSV' ? readCsv(input) : readJsonl(input);
}

function invalid(message: string, field: string | null = null): RecordProblem {
  return { field, code: 'INVALID', message };
}

function bytesOf(chunk: Buffer | string): Buffer {
  return typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

// CSV

async function* readCsv(input: AsyncIterable<Buffer | string>): AsyncGenerator<RecordRead> {
  let header: string[] | undefined;
  for await (const rows of csvRows(input)) {
    for (const row of rows) {
      if ('problem' in row) {
        yield { line: row.line, problem: invalid(row.problem) };
        // without the header's names, no later row can be read
        if (header === undefined) return;
        continue;
      }
      const cells = row.cells.map((cell) => cell.trim());
      if (cells.every((cell) => cell === '')) continue;
      if (header === undefined) {
        const problem = headerProblem(cells);
        if (problem) {
          yield { line: row.line, problem };
          return;
        }
        header = cells;
        continue;
      }
      if (cells.length !== header.length) {
        const message = `expected ${plural(header.length, 'column')} as in the header, found ${cells.length}`;
        yield { line: row.line, problem: invalid(message) };
        continue;
      }
      const entries: [string, string][] = [];
      for (let i = 0; i < cells.length; i++) if (cells[i] !== '') entries.push([header[i]!, cells[i]!]);
      // fromEntries defines own properties, so a column named __proto__ stays an ordinary key
      yield { line: row.line, values: Object.fromEntries(entries) };
    }
  }
}

/** Why a header row cannot name the columns, or null when every name is present and distinct. */
function headerProblem(names: string[]): RecordProblem | null {
  const seen = new Map<string, number>();
  for (const [index, name] of names.entries()) {
    if (name === '') return invalid(`column ${index + 1} of the header has no name`);
    const earlier = seen.get(name);
    if (earlier !== undefined) {
      return invalid(`the header names "${name}" twice (columns ${earlier + 1} and ${index + 1})`, name);
    }
    seen.set(name, index);
  }
  return null;
}

/** A CSV row as parsed, untrimmed, or why it cannot be; `line` is where it starts. */
type CsvRow = { line: number; cells: string[] } | { line: number; problem: string };

type TextEncoding = 'UTF-8' | 'GB18030' | 'UTF-16LE';

/** Re-encodes a byte stream as UTF-8, one chunk at a time; characters cut between chunks are kept whole. */
interface Transcoder {
  write(chunk: Buffer): Buffer;
  end(): Buffer;
}

/**
 * The rows of a CSV, transcoded to UTF-8 for csv-parse, a batch per input chunk. A row whose text
 * cannot be decoded is a problem; one csv-parse cannot parse is a problem that ends the rows.
 */
async function* csvRows(input: AsyncIterable<Buffer | string>): AsyncGenerator<CsvRow[]> {
  const source = input[Symbol.asyncIterator]();
  let parser: Parser | undefined;
  try {
    const head = await readHead(source);
    const encoding = detectEncoding(head.bytes, head.complete);
    const parsed: string[][] = [];
    let line = 1;
    for await (const chunk of utf8Chunks(head, source, transcoderFrom(encoding))) {
      parser ??= csvParser(delimiterOf(chunk ?? EMPTY), parsed);
      const error = await feed(parser, chunk);
      const rows: CsvRow[] = [];
      for (const cells of parsed) {
        rows.push(
          cells.some((cell) => cell.includes('\uFFFD')) ? { line, problem: undecodable(encoding) } : { line, cells },
        );
        line += linesSpanned(cells);
      }
      parsed.length = 0;
      if (error !== undefined) {
        if (!(error instanceof CsvError)) throw error;
        rows.push({ line, problem: `${csvFailure(error)}; the rest of the file was not read` });
        yield rows;
        return;
      }
      yield rows;
    }
  } finally {
    parser?.destroy();
    await source.return?.();
  }
}

/** A parser that hands each row to `parsed`, in order, instead of pushing it downstream. */
function csvParser(delimiter: string, parsed: string[][]): Parser {
  const parser = parse({
    bom: true,
    delimiter,
    // listed rather than discovered, so a file mixing line endings keeps its rows apart
    record_delimiter: ['\r\n', '\n', '\r'],
    trim: true,
    relax_quotes: true,
    relax_column_count: true,
    // kept, so that blank rows still count their lines
    skip_empty_lines: false,
    max_record_size: MAX_RECORD_BYTES,
    // collected rather than pushed: a stream that errors drops the rows it still holds
    on_record: (cells) => {
      parsed.push(cells);
      return null;
    },
  });
  // errors are taken from each write instead
  parser.on('error', () => {});
  return parser;
}

/** The head and then the rest of the source, as non-empty UTF-8 chunks, and null at the end. */
async function* utf8Chunks(
  head: { bytes: Buffer; complete: boolean },
  source: AsyncIterator<Buffer | string>,
  transcoder: Transcoder,
): AsyncGenerator<Buffer | null> {
  const first = transcoder.write(head.bytes);
  if (first.length > 0) yield first;
  if (!head.complete) {
    for (let next = await source.next(); !next.done; next = await source.next()) {
      const chunk = transcoder.write(bytesOf(next.value));
      if (chunk.length > 0) yield chunk;
    }
  }
  const last = transcoder.end();
  if (last.length > 0) yield last;
  yield null;
}

/** The first SNIFF_BYTES or more of the input, and whether that is all of it. */
async function readHead(source: AsyncIterator<Buffer | string>): Promise<{ bytes: Buffer; complete: boolean }> {
  const chunks: Buffer[] = [];
  let length = 0;
  while (length < SNIFF_BYTES) {
    const next = await source.next();
    if (next.done) return { bytes: Buffer.concat(chunks), complete: true };
    const chunk = bytesOf(next.value);
    chunks.push(chunk);
    length += chunk.length;
  }
  return { bytes: Buffer.concat(chunks), complete: false };
}

/**
 * UTF-16LE after its byte-order mark; otherwise UTF-8 when the head decodes as UTF-8 (a character
 * cut at its end does not count against it), else GB18030, the superset of GBK that Excel on
 * Chinese Windows writes. Decided once from the head: a GB18030 file whose first 64 KiB are ASCII
 * is read as UTF-8, and its later rows that are not UTF-8 become problems.
 */
function detectEncoding(head: Buffer, complete: boolean): TextEncoding {
  if (head[0] === 0xff && head[1] === 0xfe) return 'UTF-16LE';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: !complete });
    return 'UTF-8';
  } catch {
    return 'GB18030';
  }
}

function transcoderFrom(encoding: TextEncoding): Transcoder {
  if (encoding === 'UTF-8') return { write: (chunk) => chunk, end: () => EMPTY };
  // iconv-lite drops the byte-order mark and keeps a character cut between chunks for the next one
  const decoder = getDecoder(encoding);
  return {
    write: (chunk) => Buffer.from(decoder.write(chunk), 'utf8'),
    end: () => Buffer.from(decoder.end() ?? '', 'utf8'),
  };
}

/** A tab when the first line with text has tabs and no comma (Excel's "Unicode text"), else a comma. */
function delimiterOf(head: Buffer): ',' | '\t' {
  let start = 0;
  while (head[start] === 0x0a || head[start] === 0x0d) start++;
  const ends = [head.indexOf(0x0a, start), head.indexOf(0x0d, start)].filter((at) => at !== -1);
  const firstLine = head.subarray(start, ends.length === 0 ? head.length : Math.min(...ends));
  return firstLine.includes(0x09) && !firstLine.includes(0x2c) ? '\t' : ',';
}

/** Writes a chunk to the parser, or ends it when null; the error the parser stopped at, if any. */
async function feed(parser: Parser, chunk: Buffer | null): Promise<unknown> {
  try {
    if (chunk === null) {
      parser.end();
      await finished(parser, { readable: false });
    } else {
      await new Promise<void>((resolve, reject) => parser.write(chunk, (error) => (error ? reject(error) : resolve())));
    }
    return undefined;
  } catch (error) {
    return error;
  }
}

/**
 * How many lines a row spans with its line break: one, plus the breaks inside its quoted cells,
 * where CRLF, LF and a lone CR each count once. (csv-parse's info.lines counts a CRLF in quotes twice.)
 */
function linesSpanned(cells: string[]): number {
  let count = 1;
  for (const cell of cells) {
    for (let at = 0; at < cell.length; at++) {
      const code = cell.charCodeAt(at);
      if (code === 0x0a || (code === 0x0d && cell.charCodeAt(at + 1) !== 0x0a)) count++;
    }
  }
  return count;
}

function undecodable(encoding: TextEncoding): string {
  return encoding === 'UTF-8'
    ? 'the row is not valid UTF-8 text, though the start of the file is; save the whole file as "CSV UTF-8" and import it again'
    : `the row holds bytes that are not ${encoding} text, the encoding the start of the file is in`;
}

function csvFailure(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field in the row starting here is never closed';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'a quoted field is followed by more text before the next delimiter (write a quote inside quotes as "")';
    case 'CSV_MAX_RECORD_SIZE':
      return 'the row is longer than 1 MiB, most likely because a closing quote is missing';
    default:
      return `the row cannot be read as CSV (${error.message})`;
  }
}

// JSONL

async function* readJsonl(input: AsyncIterable<Buffer | string>): AsyncGenerator<RecordRead> {
  for await (const { line, bytes } of physicalLines(input)) {
    if (bytes === null) {
      yield { line, problem: invalid('the line is longer than 1 MiB') };
      continue;
    }
    let text: string;
    try {
      text = UTF8.decode(bytes);
    } catch {
      yield { line, problem: invalid('the line is not UTF-8 text') };
      continue;
    }
    // trim() also takes the CR of a CRLF and a byte-order mark
    text = text.trim();
    if (text === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      yield { line, problem: invalid(`the line is not valid JSON: ${(error as Error).message}`) };
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      yield { line, problem: invalid(`the line is JSON but ${kindOf(value)}, not an object`) };
      continue;
    }
    yield { line, values: value as Record<string, unknown> };
  }
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/**
 * The input split on LF, without the LF; `bytes` is null for a line longer than MAX_RECORD_BYTES,
 * which is skipped rather than held. Splitting bytes never cuts a UTF-8 character.
 */
async function* physicalLines(
  input: AsyncIterable<Buffer | string>,
): AsyncGenerator<{ line: number; bytes: Buffer | null }> {
  let line = 1;
  let pieces: Buffer[] = [];
  let length = 0;
  let tooLong = false;
  const whole = (last: Buffer): Buffer | null => {
    if (tooLong || length + last.length > MAX_RECORD_BYTES) return null;
    return pieces.length === 0 ? last : Buffer.concat([...pieces, last]);
  };
  for await (const chunk of input) {
    const bytes = bytesOf(chunk);
    let start = 0;
    for (let end = bytes.indexOf(0x0a); end !== -1; end = bytes.indexOf(0x0a, start)) {
      yield { line, bytes: whole(bytes.subarray(start, end)) };
      line++;
      pieces = [];
      length = 0;
      tooLong = false;
      start = end + 1;
    }
    const rest = bytes.subarray(start);
    if (tooLong || length + rest.length > MAX_RECORD_BYTES) {
      tooLong = true;
      pieces = [];
    } else if (rest.length > 0) {
      pieces.push(rest);
      length += rest.length;
    }
  }
  if (length > 0 || tooLong) yield { line, bytes: whole(EMPTY) };
}
