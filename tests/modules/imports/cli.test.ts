import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { importFile } from '../../../src/cli/import';
import { rows } from '../../../src/db/client';
import { describeOnServer } from '../../support/needs-server';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { createWriters, type Writers } from '../../support/writers';

/** Collects what the command prints. */
function output() {
  let text = '';
  return { stream: { write: (chunk: string) => ((text += chunk), true) } as NodeJS.WritableStream, text: () => text };
}

describe('npm run import', () => {
  let db: TestDatabase;
  let writers: Writers;
  let file: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    writers = await createWriters(db.database.db);
    const { foundation, grantee, other } = writers;
    file = join(mkdtempSync(join(tmpdir(), 'import-')), 'grants.csv');
    writeFileSync(
      file,
      'donorId,recipientId,purpose,pledgedOn,total,note\n' +
        `${foundation.id},${grantee.id},EDUCATION,2026-01-01,100,cli\n` +
        `${other.id},${grantee.id},EDUCATION,2026-01-01,-1,cli\n` +
        `${other.id},${grantee.id},GENERAL,2026-01-02,200,cli\n`,
    );
  });
  afterAll(() => db.drop());

  const cliRows = async () =>
    Number(
      (await rows<{ n: string }>(db.database.db, sql`select count(*) as n from donations where note = 'cli'`))[0]!.n,
    );

  it('writes nothing with ALL_OR_NOTHING when a row is bad, prints the bad rows and exits 1', async () => {
    const out = output();
    expect(await importFile(db.database.db, [file, '--entity', 'donations'], out.stream, false)).toBe(1);
    expect(out.text()).toMatch(
      /^import \S+ FAILED: 3 rows read, 0 written, 1 bad\n {2}line 3 total: INVALID must not be negative, got -1\.00\n$/,
    );
    expect(await cliRows()).toBe(0);
  });

  it('writes every organization’s good rows as the command line with VALID_ROWS_ONLY, and exits 0', async () => {
    const out = output();
    const args = [file, '--entity', 'DONATIONS', '--mode', 'VALID_ROWS_ONLY'];
    expect(await importFile(db.database.db, args, out.stream, false)).toBe(0);
    expect(out.text()).toMatch(/^import \S+ SUCCEEDED: 3 rows read, 2 written, 1 bad\n/);
    expect(await cliRows()).toBe(2);
  });

  describeOnServer('run as a process', 'the process opens the test database by its URL', () => {
    it('runs with tsx against DATABASE_URL and exits 1 for a FAILED import', async () => {
      const run = promisify(execFile)('npx', ['tsx', 'src/cli/import.ts', file, '--entity', 'DONATIONS'], {
        env: { ...process.env, DATABASE_URL: db.url },
      });
      await expect(run).rejects.toMatchObject({
        code: 1,
        stdout: expect.stringMatching(/^import \S+ FAILED: 3 rows read, 0 written, 1 bad\n/),
      });
    });
  });
});
