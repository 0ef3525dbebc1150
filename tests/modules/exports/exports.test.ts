import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { startTestServer, type TestServer } from '../../support/server';
import { createTestKey, type TestKey } from '../../support/keys';
import { deleteExpiredExports } from '../../../src/modules/exports/worker';
import { rows, type Database } from '../../../src/db/client';
import type { ExportRow } from '../../../src/modules/exports/mappers';
import { writeExportFile } from '../../../src/modules/exports/run';
import { RegionDirectory } from '../../../src/modules/regions/directory';
import { parseGlobalId, toGlobalId } from '../../../src/modules/node/global-id';

const START_EXPORT = /* GraphQL */ `
  mutation StartExport($input: StartExportInput!) {
    startExport(input: $input) {
      __typename
      ... on StartExportSuccess {
        export {
          id
          entity
          format
          status
        }
      }
      ... on UserError {
        code
        field
        message
      }
    }
  }
`;

const EXPORT = /* GraphQL */ `
  query Export($id: ID!) {
    node(id: $id) {
      ... on Export {
        id
        status
        rowCount
        byteCount
        url
        expiresAt
        error
      }
    }
  }
`;

const VIEWER_EXPORTS = /* GraphQL */ `
  query ViewerExports {
    viewer {
      exports(first: 50) {
        totalCount
        nodes {
          id
          status
          rowCount
          byteCount
          url
          expiresAt
          error
          createdAt
        }
      }
    }
  }
`;

const DONATIONS = /* GraphQL */ `
  query Donations($filter: DonationFilter) {
    donations(filter: $filter, first: 100) {
      totalCount
      nodes {
        id
        donor {
          id
        }
        donorName
        recipient {
          id
        }
        project {
          id
        }
        purpose
        status
        pledgedOn
        deliveredOn
        total {
          value
          currency
        }
        cash {
          value
          currency
        }
        inKind {
          value
          currency
        }
        inKindDescription
        delivered {
          value
          currency
        }
        provenance {
          kind
          source {
            id
          }
        }
        createdAt
        updatedAt
        note
        version
      }
    }
    donationSummary(filter: $filter) {
      donationCount
      total {
        value
      }
      cash {
        value
      }
      inKind {
        value
      }
      delivered {
        value
      }
    }
  }
`;

const COVID = { purpose: 'EPIDEMIC_RESPONSE', provenance: ['REPORTED'] };

/** A note CSV must quote: a comma, quotes, a line break and a carriage return. */
const TRICKY = '他说"好的", 分两批\r\n第二批 "下月"';

interface ExportState {
  id: string;
  status: string;
  rowCount: number | null;
  byteCount: number | null;
  url: string | null;
  expiresAt: string | null;
  error: string | null;
}

/** Exact sum of decimal strings, in fen. */
const fen = (values: Array<string | null | undefined>): bigint =>
  values.reduce((sum, v) => (v ? sum + BigInt(v.replace('.', '')) : sum), 0n);

describe('exports', () => {
  let t: TestServer;
  let key: TestKey;
  let otherKey: TestKey;
  let exportDir: string;

  beforeAll(async () => {
    exportDir = mkdtempSync(path.join(tmpdir(), 'gongyi-exports-test-'));
    t = await startTestServer({ exportDir });
    key = await createTestKey(t.database.db, { name: 'researcher', tier: 'DEVELOPER' });
    otherKey = await createTestKey(t.database.db, { name: 'someone else', tier: 'DEVELOPER' });
  });

  afterAll(async () => {
    await t?.close();
    rmSync(exportDir, { recursive: true, force: true });
  });

  /** Starts an export and waits until it has finished. */
  async function exported(input: Record<string, unknown>, as: TestKey = key): Promise<ExportState> {
    const started = await t.query(START_EXPORT, { input }, as.headers);
    expect(started.body.errors).toBeUndefined();
    const result = started.body.data.startExport;
    if (result.__typename !== 'StartExportSuccess') throw new Error(`refused: ${JSON.stringify(result)}`);
    expect(result.export.status).toBe('QUEUED');
    return finished(result.export.id, as);
  }

  /** Reads an export until it has finished. */
  async function finished(id: string, as: TestKey = key): Promise<ExportState> {
    for (let i = 0; i < 200; i += 1) {
      const read = await t.query(EXPORT, { id }, as.headers);
      const state = read.body.data.node as ExportState;
      if (state.status === 'SUCCEEDED' || state.status === 'FAILED') return state;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the export did not finish in 20 s');
  }

  const download = (url: string, headers: Record<string, string> = key.headers) =>
    fetch(`${t.origin}${url}`, { headers });

  test('a CSV export of donations holds what the list shows, with a BOM and a header of field paths', async () => {
    const done = await exported({ entity: 'DONATIONS', format: 'CSV', filter: { donations: COVID } });
    expect(done.status).toBe('SUCCEEDED');
    const response = await download(done.url!);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="donations-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.length).toBe(done.byteCount);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parse(bytes.toString('utf8').slice(1), { columns: true }) as Record<string, string>[];
    expect(records.length).toBe(done.rowCount);

    const list = await t.query(DONATIONS, { filter: COVID });
    const { totalCount, nodes } = list.body.data.donations;
    expect(records.length).toBe(totalCount);
    expect(totalCount).toBeLessThanOrEqual(100);
    const cell = (v: unknown) => (v === null || v === undefined ? '' : String(v));
    const asCsv = (d: any) => ({
      id: d.id,
      'donor.id': cell(d.donor?.id),
      donorName: d.donorName,
      'recipient.id': cell(d.recipient?.id),
      'project.id': cell(d.project?.id),
      purpose: d.purpose,
      status: d.status,
      pledgedOn: cell(d.pledgedOn),
      deliveredOn: cell(d.deliveredOn),
      'total.value': d.total.value,
      'total.currency': d.total.currency,
      'cash.value': cell(d.cash?.value),
      'cash.currency': cell(d.cash?.currency),
      'inKind.value': cell(d.inKind?.value),
      'inKind.currency': cell(d.inKind?.currency),
      inKindDescription: cell(d.inKindDescription),
      'delivered.value': d.delivered.value,
      'delivered.currency': d.delivered.currency,
      'provenance.kind': d.provenance.kind,
      'provenance.source.id': cell(d.provenance.source?.id),
      createdAt: d.createdAt,
      updatedAt: d.updatedAt,
      note: cell(d.note),
      version: String(d.version),
    });
    expect(records).toEqual(nodes.map(asCsv));

    const summary = list.body.data.donationSummary;
    expect(fen(records.map((r) => r['total.value']))).toBe(fen([summary.total.value]));
    expect(fen(records.map((r) => r['cash.value']))).toBe(fen([summary.cash.value]));
    expect(fen(records.map((r) => r['inKind.value']))).toBe(fen([summary.inKind.value]));
    expect(fen(records.map((r) => r['delivered.value']))).toBe(fen([summary.delivered.value]));
  });

  test('free text with commas, quotes and line breaks reads back from the CSV as the API answers it', async () => {
    const [donation] = await rows<{ id: string; donor_id: string }>(
      t.database.db,
      sql`update donations set note = ${TRICKY}, in_kind_description = ${'口罩, "N95"'}
          where id = (select id from donations where donor_id is not null order by id limit 1)
          returning id, donor_id`,
    );
    const filter = { donorId: toGlobalId('Organization', donation!.donor_id) };
    const done = await exported({ entity: 'DONATIONS', format: 'CSV', filter: { donations: filter } });
    const text = await (await download(done.url!)).text();
    const records = parse(text, { columns: true, bom: true }) as Record<string, string>[];
    const mine = records.find((r) => r['id'] === toGlobalId('Donation', donation!.id))!;
    expect(mine['note']).toBe(TRICKY);
    expect(mine['inKindDescription']).toBe('口罩, "N95"');
    expect(records.length).toBe((await t.query(DONATIONS, { filter })).body.data.donations.totalCount);
  });

  test('a JSONL export of donations is one record a line, as the list answers it', async () => {
    const done = await exported({ entity: 'DONATIONS', format: 'JSONL', filter: { donations: COVID } });
    const response = await download(done.url!);
    expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    const text = await response.text();
    expect(text.endsWith('\n')).toBe(true);
    const lines = text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    const list = await t.query(DONATIONS, { filter: COVID });
    expect(lines).toEqual(list.body.data.donations.nodes);
  });

  it('quotes a cell computed from text columns, so an English name with a comma stays one cell', async () => {
    const csv = await exported({
      entity: 'ORGANIZATIONS',
      format: 'CSV',
      filter: { organizations: { search: '蒙牛' } },
    });
    const records = parse(await (await download(csv.url!)).text(), { columns: true, bom: true }) as Record<
      string,
      string
    >[];
    expect(records.map((r) => [r['name'], r['nameEn']])).toEqual([
      ['内蒙古蒙牛乳业(集团)股份有限公司', 'Inner Mongolia Mengniu Dairy (Group) Co., Ltd.'],
    ]);
  });

  test.each(['ORGANIZATIONS', 'PROJECTS', 'TRAINING_SESSIONS', 'GOVERNANCE_METRICS'])(
    'every list exports as CSV and JSONL with as many rows as its totalCount: %s',
    async (entity) => {
      const field = {
        ORGANIZATIONS: 'organizations',
        PROJECTS: 'projects',
        TRAINING_SESSIONS: 'trainingSessions',
        GOVERNANCE_METRICS: 'governanceMetrics',
      }[entity]!;
      const count = await t.query(`{ ${field}(first: 1) { totalCount } }`);
      const total = count.body.data[field].totalCount;
      expect(total).toBeGreaterThan(0);
      const csv = await exported({ entity, format: 'CSV' });
      expect(csv).toMatchObject({ status: 'SUCCEEDED', rowCount: total });
      const csvText = await (await download(csv.url!)).text();
      expect((parse(csvText, { columns: true, bom: true }) as unknown[]).length).toBe(total);
      const jsonl = await exported({ entity, format: 'JSONL' });
      const ids = (await (await download(jsonl.url!)).text())
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l).id);
      expect(ids.length).toBe(total);
      expect(new Set(ids.map((id: string) => parseGlobalId(id)?.type))).toEqual(
        new Set([
          {
            ORGANIZATIONS: 'Organization',
            PROJECTS: 'Project',
            TRAINING_SESSIONS: 'TrainingSession',
            GOVERNANCE_METRICS: 'GovernanceMetric',
          }[entity],
        ]),
      );
    },
  );

  test('the export filters exactly as the list: row count and sums equal totalCount and donationSummary', async () => {
    const filter = { statuses: ['DELIVERED', 'VERIFIED'], minTotal: '1000000' };
    const done = await exported({ entity: 'DONATIONS', format: 'CSV', filter: { donations: filter } });
    const records = parse(await (await download(done.url!)).text(), { columns: true, bom: true }) as Record<
      string,
      string
    >[];
    const list = await t.query(DONATIONS, { filter });
    expect(records.length).toBe(list.body.data.donations.totalCount);
    expect(records.length).toBe(list.body.data.donationSummary.donationCount);
    expect(fen(records.map((r) => r['total.value']))).toBe(fen([list.body.data.donationSummary.total.value]));
  });

  test('the URL is refused with another key, without a key and with a wrong signature (404), and after expiry (410)', async () => {
    const done = await exported({ entity: 'DONATIONS', format: 'CSV', filter: { donations: COVID } });
    expect((await download(done.url!, otherKey.headers)).status).toBe(404);
    expect((await download(done.url!, {})).status).toBe(404);
    const forged = done.url!.replace(/signature=([0-9a-f])/, (_m, c: string) => `signature=${c === '0' ? '1' : '0'}`);
    expect((await download(forged, key.headers)).status).toBe(404);
    const later = done.url!.replace(/expires=(\d+)/, (_m, n: string) => `expires=${Number(n) + 3600}`);
    expect((await download(later, key.headers)).status).toBe(404);
    expect((await download(done.url!, key.headers)).status).toBe(200);

    const { id } = parseGlobalId(done.id)!;
    await t.database.db.execute(sql`update exports set expires_at = now() - interval '1 second' where id = ${id}`);
    expect((await download(done.url!, key.headers)).status).toBe(410);
    expect((await download(done.url!, otherKey.headers)).status).toBe(404);
    const read = await t.query(EXPORT, { id: done.id }, key.headers);
    expect(read.body.data.node.url).toBeNull();

    expect(await deleteExpiredExports(t.database.db, exportDir)).toBeGreaterThanOrEqual(1);
    expect(await readdir(exportDir)).not.toContain(`${id}.csv`);
    expect((await download(done.url!, key.headers)).status).toBe(410);
  });

  test('an export is readable with node(id:) only by the key that started it', async () => {
    const started = await t.query(START_EXPORT, { input: { entity: 'PROJECTS', format: 'JSONL' } }, key.headers);
    const id = started.body.data.startExport.export.id;
    expect((await t.query(EXPORT, { id }, otherKey.headers)).body.data.node).toBeNull();
    expect((await t.query(EXPORT, { id })).body.data.node).toBeNull();
    expect((await t.query(EXPORT, { id }, key.headers)).body.data.node.id).toBe(id);
    expect(await finished(id)).toMatchObject({ id, status: 'SUCCEEDED' });
  });

  test("viewer.exports lists the key's own exports, newest first, each as node(id:) reads it", async () => {
    const mine = await t.query(VIEWER_EXPORTS, {}, key.headers);
    const { totalCount, nodes } = mine.body.data.viewer.exports;
    expect(totalCount).toBeGreaterThan(5);
    expect(nodes.length).toBe(Math.min(totalCount, 50));
    const created = nodes.map((n: { createdAt: string }) => n.createdAt);
    expect(created).toEqual([...created].sort().reverse());
    const first = (await t.query(EXPORT, { id: nodes[0].id }, key.headers)).body.data.node;
    expect(nodes[0]).toEqual({ ...first, createdAt: nodes[0].createdAt });
    const theirs = await t.query(VIEWER_EXPORTS, {}, otherKey.headers);
    expect(theirs.body.data.viewer.exports).toEqual({ totalCount: 0, nodes: [] });
  });

  test('an export costs 10 points plus one per 1,000 matching rows, counted when it starts', async () => {
    const all = await t.query(START_EXPORT, { input: { entity: 'DONATIONS', format: 'CSV' } }, key.headers);
    const donations = (await t.query('{ donations(first: 1) { totalCount } }')).body.data.donations.totalCount;
    expect(all.cost?.requested).toBe(10 + Math.ceil(donations / 1000));
    expect(await finished(all.body.data.startExport.export.id)).toMatchObject({ status: 'SUCCEEDED' });
  });

  test('an anonymous caller may not export', async () => {
    const response = await t.query(START_EXPORT, { input: { entity: 'DONATIONS', format: 'CSV' } });
    expect(response.body.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  test('GIVING360_JSON of anything but donations is refused on input.format', async () => {
    const response = await t.query(
      START_EXPORT,
      { input: { entity: 'PROJECTS', format: 'GIVING360_JSON' } },
      key.headers,
    );
    expect(response.body.data.startExport).toEqual({
      __typename: 'UserError',
      code: 'INVALID',
      field: 'input.format',
      message: 'GIVING360_JSON holds donations only; export PROJECTS as CSV or JSONL',
    });
  });

  test("a filter of another list, or a bad value in the list's filter, is refused naming its field", async () => {
    const other = await t.query(
      START_EXPORT,
      { input: { entity: 'DONATIONS', format: 'CSV', filter: { projects: { statuses: ['ACTIVE'] } } } },
      key.headers,
    );
    expect(other.body.data.startExport).toMatchObject({ code: 'INVALID', field: 'input.filter.projects' });
    const bad = await t.query(
      START_EXPORT,
      { input: { entity: 'DONATIONS', format: 'CSV', filter: { donations: { donorId: 'nope' } } } },
      key.headers,
    );
    expect(bad.body.data.startExport).toEqual({
      __typename: 'UserError',
      code: 'INVALID',
      field: 'input.filter.donations.donorId',
      message: 'is not a valid ID',
    });
  });

  test('no temporary file is left behind', async () => {
    expect((await readdir(exportDir)).filter((f) => f.endsWith('.part'))).toEqual([]);
  });

  test('a file whose database fails midway is deleted, and the failure thrown', async () => {
    const failing = {
      readLines: () => Promise.reject(new Error('the database went away')),
    } as unknown as Database;
    const regions = await RegionDirectory.load(t.database.db);
    const row = {
      id: '7d0c1a4e-9d2b-4f3a-8c5e-1b2a3c4d5e6f',
      entity: 'DONATIONS',
      format: 'CSV',
      filter: {},
    } as unknown as ExportRow;
    await expect(writeExportFile(failing, regions, exportDir, row)).rejects.toThrow('the database went away');
    expect((await readdir(exportDir)).filter((f) => f.startsWith(row.id))).toEqual([]);
  });

  test('the sweep deletes partial files a day old, left by a process that died, and no others', async () => {
    const old = path.join(exportDir, 'a.csv.0.part');
    const fresh = path.join(exportDir, 'b.csv.0.part');
    writeFileSync(old, 'id\r\n');
    writeFileSync(fresh, 'id\r\n');
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    utimesSync(old, twoDaysAgo, twoDaysAgo);
    await deleteExpiredExports(t.database.db, exportDir);
    const left = await readdir(exportDir);
    expect(left).not.toContain('a.csv.0.part');
    expect(left).toContain('b.csv.0.part');
    rmSync(fresh);
  });
});
