import postgres from 'postgres';
import { describeOnServer } from '../../support/needs-server';
import { startTestServer, type TestServer } from '../../support/server';
import { createWriters, type Writers } from '../../support/writers';
import { donationsCsv, postImport } from './files';

const ORGANIZATIONS = /* GraphQL */ `
  query Organizations {
    organizations(first: 1) {
      totalCount
    }
  }
`;

describeOnServer(
  'an ALL_OR_NOTHING import whose PostgreSQL backend is killed',
  'killing a backend needs a real PostgreSQL server',
  () => {
    let server: TestServer;
    let writers: Writers;

    beforeAll(async () => {
      server = await startTestServer();
      writers = await createWriters(server.database.db);
    });
    afterAll(() => server.close());

    it('leaves nothing written, records the import FAILED, and the server still answers /healthz and a query', async () => {
      const { foundation, grantee } = writers;
      const file = donationsCsv(200_000, () => ({
        donorId: foundation.id,
        recipientId: grantee.id,
        purpose: 'EDUCATION',
        pledgedOn: '2026-03-01',
        total: '10',
        note: 'killed',
      }));
      const answer = postImport(server, 'entity=DONATIONS&mode=ALL_OR_NOTHING', file, {
        ...foundation.key.headers,
        'content-type': 'text/csv',
      }).catch((error: unknown) => error);

      const killer = postgres(server.url!, { max: 1, onnotice: () => {} });
      try {
        // some batches written in the data transaction, uncommitted
        for (;;) {
          const [running] = await killer`select count(*)::int as n from imports where status = 'RUNNING'`;
          if (running!['n'] > 0) break;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        await new Promise((resolve) => setTimeout(resolve, 3_000));
        const killed = await killer`select pg_terminate_backend(pid) from pg_stat_activity
                                    where datname = current_database() and pid <> pg_backend_pid()`;
        expect(killed.length).toBeGreaterThan(0);
      } finally {
        await killer.end();
      }

      const answered = await answer;
      // the answer, unless the connection went down with the upload still being sent
      if (!(answered instanceof Error)) {
        expect(answered).toMatchObject({
          status: 503,
          body: { errors: [{ extensions: { code: 'SERVICE_UNAVAILABLE' } }] },
        });
      }
      expect((await fetch(`${server.origin}/healthz`)).status).toBe(200);
      const query = await server.query(ORGANIZATIONS);
      expect(query.body).toEqual({ data: { organizations: { totalCount: expect.any(Number) } } });
      const reader = postgres(server.url!, { max: 1, onnotice: () => {} });
      try {
        expect(await reader`select count(*)::int as n from donations where note = 'killed'`).toEqual([{ n: 0 }]);
        expect(await reader`select status, written_count from imports`).toEqual([
          { status: 'FAILED', written_count: 0 },
        ]);
      } finally {
        await reader.end();
      }
    }, 120_000);
  },
);
