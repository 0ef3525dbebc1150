import { existsSync } from 'node:fs';
import type { TestServer } from '../../support/server';

/** The columns of a donations CSV, as `recordDonation`'s input names them. */
export const DONATION_COLUMNS = [
  'donorId',
  'recipientId',
  'projectId',
  'purpose',
  'pledgedOn',
  'total',
  'cash',
  'inKind',
  'inKindDescription',
  'note',
] as const;

export type DonationCells = Partial<Record<(typeof DONATION_COLUMNS)[number], string>>;

/** A CSV cell, quoted when it must be. */
const cell = (value = '') => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/**
 * A donations CSV as Excel writes "CSV UTF-8": a BOM, CRLF line endings, a header row, then
 * `count` rows made by `row(i)` (i from 1; row i is on line i + 1), streamed in chunks of 1,000 rows.
 */
export async function* donationsCsv(count: number, row: (i: number) => DonationCells): AsyncGenerator<Buffer> {
  yield Buffer.from(`\uFEFF${DONATION_COLUMNS.join(',')}\r\n`, 'utf8');
  for (let start = 1; start <= count; start += 1_000) {
    const lines: string[] = [];
    for (let i = start; i < Math.min(start + 1_000, count + 1); i++) {
      const cells = row(i);
      lines.push(`${DONATION_COLUMNS.map((c) => cell(cells[c])).join(',')}\r\n`);
    }
    yield Buffer.from(lines.join(''), 'utf8');
  }
}

/** One JSON object per line. */
export const jsonl = (...records: object[]) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';

export interface ImportAnswer {
  status: number;
  headers: Headers;
  body: any;
}

/** POSTs a file to /imports, streamed when `body` is an async iterable. */
export async function postImport(
  server: TestServer,
  query: string,
  body: string | Buffer | AsyncIterable<Buffer>,
  headers: Record<string, string>,
): Promise<ImportAnswer> {
  const response = await fetch(`${server.origin}/imports?${query}`, {
    method: 'POST',
    headers,
    body: body as unknown as RequestInit['body'],
    ...(typeof body === 'string' || Buffer.isBuffer(body) ? {} : { duplex: 'half' }),
  } as RequestInit);
  return { status: response.status, headers: response.headers, body: await response.json() };
}

/** An import as the tests read it: its first 100 bad rows as a plain list. */
const IMPORT_RESULT = /* GraphQL */ `
  query ImportResult($id: ID!) {
    node(id: $id) {
      ... on Import {
        id
        entity
        mode
        status
        rowCount
        writtenCount
        errorCount
        errors(first: 100) {
          nodes {
            line
            field
            code
            message
          }
        }
      }
    }
  }
`;

/**
 * Reads the import `id` with `node(id:)` every 100 ms, as `headers`' key, until it is neither
 * QUEUED nor RUNNING, and returns it with `errors` as the list of its first 100 bad rows.
 */
export async function finishedImport(
  server: TestServer,
  id: string,
  headers: Record<string, string>,
  timeoutMs = 600_000,
): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await server.query(IMPORT_RESULT, { id }, headers);
    const node = body.data?.node;
    if (!node) throw new Error(`import ${id} is not readable: ${JSON.stringify(body)}`);
    if (node.status !== 'QUEUED' && node.status !== 'RUNNING') return { ...node, errors: node.errors.nodes };
    if (Date.now() > deadline) throw new Error(`import ${id} is still ${node.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Resolves once `file` is gone: a worker deletes an upload just after the import's commit. */
export async function deleted(file: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`${file} is still there after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
