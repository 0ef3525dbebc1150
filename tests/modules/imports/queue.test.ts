import path from 'node:path';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { rows } from '../../../src/db/client';
import { MemoryBudgetStore } from '../../../src/modules/access/budgets';
import { IMPORTS_QUEUE } from '../../../src/modules/imports/enqueue';
import { DEFAULT_IMPORT_DIR } from '../../../src/modules/imports/uploads';
import { startImportWorker } from '../../../src/modules/imports/worker';
import { parseGlobalId } from '../../../src/modules/node/global-id';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { serveTestDatabase, type TestServer, type TestServerOptions } from '../../support/server';
import { createWriters, type Writers } from '../../support/writers';
import { deleted, finishedImport, postImport } from './files';

describe('imports on the job queue', () => {
  let db: TestDatabase;
  let writers: Writers;
  /** the servers a test started, closed after it */
  let servers: TestServer[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    writers = await createWriters(db.database.db);
  });
  afterEach(async () => {
    for (const server of servers) await server.close();
    servers = [];
  });
  afterAll(() => db.drop());

  const serve = async (options: TestServerOptions = {}) => {
    const server = await serveTestDatabase(db, options);
    servers.push(server);
    return server;
  };

  /** A CSV of `count` grants from the foundation to the grantee, each noted `note`. */
  const grants = (count: number, note: string) => {
    const { foundation, grantee } = writers;
    const line = `${foundation.id},${grantee.id},EDUCATION,2026-08-01,10,${note}\n`;
    return `donorId,recipientId,purpose,pledgedOn,total,note\n${line.repeat(count)}`;
  };
  const send = (server: TestServer, body: string) =>
    postImport(server, 'entity=DONATIONS', body, { ...writers.foundation.key.headers, 'content-type': 'text/csv' });
  const countNotes = async (note: string) =>
    (await rows<{ n: number }>(db.database.db, sql`select count(*)::int as n from donations where note = ${note}`))[0]!
      .n;
  /** The queue's jobs for an import: their states and data. */
  const jobsOf = (importId: string) =>
    rows<{ id: string; state: string; data: object }>(
      db.database.db,
      sql`select id, state, data from pgboss.job where name = ${IMPORTS_QUEUE} and data->>'importId' = ${importId}`,
    );

  it('a queued import survives a restart: the server closed before a worker took it, the next server over the database runs it', async () => {
    // an API-only instance (JOB_WORKERS=false) runs no jobs: the import waits in the database
    const first = await serve({ jobs: { work: false } });
    const answer = await send(first, grants(20, 'restart'));
    expect(answer.status).toBe(202);
    const id = answer.body.data.import.id;
    await first.close();
    servers = [];
    const [queued] = await rows(db.database.db, sql`select status from imports where id = ${parseGlobalId(id)!.id}`);
    expect(queued).toEqual({ status: 'QUEUED' });

    const second = await serve();
    expect(await finishedImport(second, id, writers.foundation.key.headers)).toMatchObject({
      status: 'SUCCEEDED',
      rowCount: 20,
      writtenCount: 20,
    });
    expect(await countNotes('restart')).toBe(20);
    await deleted(path.join(DEFAULT_IMPORT_DIR, `${parseGlobalId(id)!.id}.csv`));
  });

  it('two instances over one database run each of 8 imports once', async () => {
    const instances = [await serve(), await serve()];
    const answers = [];
    for (let i = 0; i < 8; i++) answers.push(await send(instances[i % 2]!, grants(25, `two instances ${i}`)));
    for (const [i, answer] of answers.entries()) {
      const done = await finishedImport(instances[(i + 1) % 2]!, answer.body.data.import.id, writers.internal.headers);
      expect(done).toMatchObject({ status: 'SUCCEEDED', writtenCount: 25 });
    }
    expect(await Promise.all(answers.map((_, i) => countNotes(`two instances ${i}`)))).toEqual(Array(8).fill(25));
  });

  it('two jobs for one import, taken by two instances at once, import it once', async () => {
    const [a, b] = [await serve(), await serve()];
    await a.server.jobs.offWork(IMPORTS_QUEUE);
    await b.server.jobs.offWork(IMPORTS_QUEUE);
    const answer = await send(a, grants(500, 'one import and two jobs'));
    const importId = parseGlobalId(answer.body.data.import.id)!.id;
    // a retry's copy: the same job sent again, as after an expiry
    const [job] = await jobsOf(importId);
    await b.server.jobs.send(IMPORTS_QUEUE, job!.data);
    expect(await jobsOf(importId)).toHaveLength(2);
    // each instance's worker starts again and takes one of the two jobs
    for (const instance of [a, b]) {
      await startImportWorker(instance.server.jobs, {
        database: db.database,
        budgets: new MemoryBudgetStore(3_600_000),
        importDir: DEFAULT_IMPORT_DIR,
        logger: pino({ level: process.env['TEST_LOG_LEVEL'] ?? 'silent' }),
        pollingIntervalSeconds: 0.5,
      });
    }
    expect(await finishedImport(a, answer.body.data.import.id, writers.foundation.key.headers)).toMatchObject({
      status: 'SUCCEEDED',
      writtenCount: 500,
    });
    for (;;) {
      const states = (await jobsOf(importId)).map((j) => j.state);
      if (states.every((s) => s === 'completed')) break;
      expect(states.filter((s) => s !== 'active' && s !== 'created')).toEqual(states.filter((s) => s === 'completed'));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await countNotes('one import and two jobs')).toBe(500);
    await deleted(path.join(DEFAULT_IMPORT_DIR, `${importId}.csv`));
  });
});
