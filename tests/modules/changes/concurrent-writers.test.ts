import { sql } from 'drizzle-orm';
import { setTimeout as sleep } from 'node:timers/promises';
import { rows } from '../../../src/db/client';
import { toGlobalId } from '../../../src/modules/node/global-id';
import { createTestKey } from '../../support/keys';
import { describeOnServer } from '../../support/needs-server';
import { startTestServer, type TestServer } from '../../support/server';
import { createWriters, type Writers } from '../../support/writers';
import { UPSERT_PROJECT } from './documents';
import { Mirror, readCurrentRecords } from './mirror';
import { runWorkload, type WorkloadReport } from './workload';

const WRITES = 2_000;

/** The tables of written records, and the node type of their global IDs. */
const TABLES = {
  DONATION: ['donations', 'Donation'],
  PROJECT: ['projects', 'Project'],
  PROJECT_REPORT: ['project_reports', 'ProjectReport'],
  TRAINING_SESSION: ['training_sessions', 'TrainingSession'],
  GOVERNANCE_METRIC: ['governance_metrics', 'GovernanceMetric'],
} as const;

/** Budgets no test here exhausts: the workload is about order, not metering. */
const UNMETERED = { ANONYMOUS: 10_000_000, DEVELOPER: 10_000_000, PARTNER: 10_000_000, INTERNAL: 10_000_000 };

/**
 * Three organizations and no records: a database without the demo data, so that every row of
 * the record tables is one the API wrote. Each non-foundation gets its first project through
 * the API (in the feed, like every other write), which `createWriters` then finds.
 */
async function writerFixtures(server: TestServer): Promise<Writers> {
  const db = server.database.db;
  const organizations = await rows<{ id: string; type: string }>(
    db,
    sql`insert into organizations (name, type, registration_status, provenance_kind)
        values ('春晖公益基金会', 'FOUNDATION', 'REGISTERED', 'SYNTHETIC'),
               ('朝阳社区服务中心', 'SOCIAL_SERVICE_AGENCY', 'REGISTERED', 'SYNTHETIC'),
               ('南山社工服务社', 'SOCIAL_SERVICE_AGENCY', 'REGISTERED', 'SYNTHETIC')
        returning id, type`,
  );
  const staff = await createTestKey(db, { name: 'fixture staff', tier: 'INTERNAL' });
  for (const agency of organizations.filter((o) => o.type !== 'FOUNDATION')) {
    const { body } = await server.query(
      UPSERT_PROJECT,
      {
        input: {
          organizationId: toGlobalId('Organization', agency.id),
          name: '社区关爱行动',
          category: 'NEIGHBOURHOOD_CARE',
          fundingChannel: 'SOCIAL_SUPPORT',
          status: 'ACTIVE',
        },
      },
      staff.headers,
    );
    if (!body.data?.upsertProject.project) throw new Error(`fixture project refused: ${JSON.stringify(body)}`);
  }
  return createWriters(db);
}

describeOnServer(
  'the change feed under 8 concurrent writers',
  'it needs writers on several connections at once, which the embedded engine serializes',
  () => {
    let server: TestServer;
    let writers: Writers;

    beforeAll(async () => {
      server = await startTestServer({ seed: false, poolMax: 10, access: { tierBudgets: UNMETERED } });
      writers = await writerFixtures(server);
    });
    afterAll(() => server.close());

    it(`a reader following the feed while 8 writers make ${WRITES} writes builds a mirror equal to the tables, row for row`, async () => {
      const mirror = new Mirror();
      const reader = writers.developer.headers;
      let writing = true;
      let pagesWhileWriting = 0;
      const following = (async () => {
        while (writing) {
          pagesWhileWriting += await mirror.follow(server, reader);
          await sleep(20);
        }
      })();
      let report: WorkloadReport;
      try {
        report = await runWorkload(server, writers, WRITES, {
          grantee: [writers.grantee.projectId],
          other: [writers.other.projectId],
        });
      } finally {
        writing = false;
        await following;
      }
      // every write has been answered, so committed: what follows is the drain
      await mirror.follow(server, reader);

      expect(Object.values(report.written).reduce((a, b) => a + b, 0)).toBe(WRITES);
      expect(Object.keys(report.written).sort()).toEqual([
        'cancelDonation',
        'correctDonation',
        'recordDisbursement',
        'recordDonation',
        'recordGovernanceMetric',
        'recordTrainingSession',
        'submitProjectReport',
        'upsertProject',
        'verifyDonation',
      ]);
      expect(pagesWhileWriting).toBeGreaterThan(1);
      expect(mirror.misfits).toEqual([]);
      // one version per write, and the two fixture projects
      expect(mirror.applied).toBe(WRITES + 2);

      for (const [entity, [table, type]] of Object.entries(TABLES)) {
        const ids = (await rows<{ id: string }>(server.database.db, sql`select id from ${sql.identifier(table)}`)).map(
          (r) => toGlobalId(type, r.id),
        );
        const mirrored = mirror.of(entity);
        expect({ entity, ids: [...mirrored.keys()].sort() }).toEqual({ entity, ids: [...ids].sort() });
        expect(mirrored).toEqual(await readCurrentRecords(server, entity, ids));
      }
    }, 600_000);
  },
);
