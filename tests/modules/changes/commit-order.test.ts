import { sql } from 'drizzle-orm';
import { rows, type Db } from '../../../src/db/client';
import { recordDonations } from '../../../src/modules/donations/writes';
import { COMMAND_LINE } from '../../../src/modules/mutations/writer';
import { parseGlobalId } from '../../../src/modules/node/global-id';
import { describeOnServer } from '../../support/needs-server';
import { startTestServer, type TestServer } from '../../support/server';
import { createWriters, type Writers } from '../../support/writers';
import { CHANGES, LATEST_CURSOR } from './documents';

/** A write held open: its transaction has written its history row and commits when told. */
interface OpenWrite {
  written: Promise<void>;
  commit: () => void;
  committed: Promise<unknown>;
}

describeOnServer(
  'the change feed and transactions that commit in another order than they wrote',
  'it needs two transactions open at once on two connections',
  () => {
    let server: TestServer;
    let writers: Writers;

    beforeAll(async () => {
      server = await startTestServer();
      writers = await createWriters(server.database.db);
    });
    afterAll(() => server.close());

    /** Records a donation noted `note` in a transaction of its own, and holds it open until told to commit. */
    const openWrite = (db: Db, note: string): OpenWrite => {
      let wrote!: () => void;
      let commit!: () => void;
      const written = new Promise<void>((resolve) => (wrote = resolve));
      const told = new Promise<void>((resolve) => (commit = resolve));
      const committed = db.transaction(async (tx) => {
        await recordDonations(
          tx,
          COMMAND_LINE,
          [
            {
              donorId: parseGlobalId(writers.foundation.id)!.id,
              recipientId: parseGlobalId(writers.grantee.id)!.id,
              projectId: null,
              purpose: 'GENERAL',
              pledgedOn: '2026-03-01',
              total: '500.00',
              cash: null,
              inKind: null,
              inKindDescription: null,
              note,
            },
          ],
          '',
        );
        wrote();
        await told;
      });
      return { written, commit, committed };
    };

    const notes = (feed: { changes: { fields: { note: string } }[] }) => feed.changes.map((c) => c.fields.note);

    it('delivers a transaction that wrote first but committed last after the other, to a reader already past the other', async () => {
      const db = server.database.db;
      const since = (await server.query(LATEST_CURSOR)).body.data.latestChangeCursor;

      const early = openWrite(db, 'wrote first, committed last');
      await early.written;
      const late = openWrite(db, 'wrote last, committed first');
      await late.written;
      late.commit();
      await late.committed;

      const before = (await server.query(CHANGES, { since })).body.data.changes;
      expect(notes(before)).toEqual(['wrote last, committed first']);
      expect(before.hasMore).toBe(false);

      early.commit();
      await early.committed;
      const after = (await server.query(CHANGES, { since: before.cursor })).body.data.changes;
      expect(notes(after)).toEqual(['wrote first, committed last']);
      expect(notes((await server.query(CHANGES, { since })).body.data.changes)).toEqual([
        'wrote last, committed first',
        'wrote first, committed last',
      ]);

      // the trap avoided: by insertion order the early write sits before the late one, behind a reader already past it
      const order = await rows<{ note: string }>(
        db,
        sql`select c.after ->> 'note' as note from record_changes c
             where c.after ->> 'note' like 'wrote %' order by c.position`,
      );
      expect(order.map((r) => r.note)).toEqual(['wrote first, committed last', 'wrote last, committed first']);
    });
  },
);
