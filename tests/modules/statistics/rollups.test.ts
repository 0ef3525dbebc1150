import { sql } from 'drizzle-orm';
import { rows } from '../../../src/db/client';
import { DEFAULT_TIER_BUDGETS } from '../../../src/modules/access/tiers';
import { DONATION_GRAINS } from '../../../src/modules/statistics/donation-grains';
import { findOrganizationRollupDifferences, findRollupDifferences } from '../../../src/modules/statistics/store';
import { describeOnServer } from '../../support/needs-server';
import { startTestServer, type TestServer } from '../../support/server';
import { createWriters, type Writers } from '../../support/writers';

const RECORD = /* GraphQL */ `
  mutation Record($input: RecordDonationInput!) {
    recordDonation(input: $input) {
      __typename
      ... on RecordDonationSuccess {
        donation {
          id
          version
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

const CANCEL = /* GraphQL */ `
  mutation Cancel($input: CancelDonationInput!) {
    cancelDonation(input: $input) {
      __typename
    }
  }
`;

const DASHBOARD = /* GraphQL */ `
  query Dashboard($filter: DonationFilter) {
    donationSummary(filter: $filter) {
      donationCount
      total {
        value
      }
      cash {
        value
      }
      unsplitTotal {
        value
      }
      provenanceCounts {
        submitted
      }
    }
    donationStats(groupBy: STATUS, filter: $filter) {
      key
      donationCount
      total {
        value
      }
    }
    donationTimeline(interval: MONTH, filter: $filter) {
      key
      donationCount
      total {
        value
      }
    }
  }
`;

const BUDGETS = { ...DEFAULT_TIER_BUDGETS, ANONYMOUS: 1_000_000, PARTNER: 1_000_000, INTERNAL: 1_000_000 };

const donationInput = (w: Writers, i: number) => ({
  donorId: w.foundation.id,
  recipientId: w.grantee.id,
  purpose: 'CULTURE',
  pledgedOn: '2026-11-15',
  total: `${100 + i}.${String(i % 100).padStart(2, '0')}`,
  ...(i % 3 === 0 ? {} : { cash: `${100 + i}.00`, inKind: `0.${String(i % 100).padStart(2, '0')}` }),
});

describe('donation rollups stay equal to a scan of every donation', () => {
  let t: TestServer;
  let w: Writers;
  beforeAll(async () => {
    t = await startTestServer({ access: { tierBudgets: BUDGETS } });
    w = await createWriters(t.database.db);
  });
  afterAll(() => t.close());

  it('the grains in the database are the grains reads choose from', async () => {
    const stored = await rows<Record<string, unknown>>(
      t.database.db,
      sql`select grain, by_purpose, by_status, by_donor_type, by_donor_industry, by_province, by_month
          from donation_rollup_grains order by grain`,
    );
    expect(
      stored.map((g) => ({
        grain: g['grain'],
        dimensions: (
          [
            ['purpose', 'by_purpose'],
            ['status', 'by_status'],
            ['donorType', 'by_donor_type'],
            ['donorIndustry', 'by_donor_industry'],
            ['province', 'by_province'],
            ['month', 'by_month'],
          ] as const
        )
          .filter(([, column]) => g[column])
          .map(([name]) => name),
      })),
    ).toEqual(DONATION_GRAINS.map((g) => ({ grain: g.grain, dimensions: [...g.dimensions] })));
  });

  it('the demo data loaded by the seed is in the rollups, exactly', async () => {
    expect(await findRollupDifferences(t.database.db)).toEqual([]);
    expect(await findOrganizationRollupDifferences(t.database.db)).toEqual([]);
  });

  it('a donation written through the API changes every statistic on the next read, to the fen', async () => {
    const filter = { purpose: 'CULTURE', provenance: ['SUBMITTED'], dateFrom: '2026-11-01', dateTo: '2026-11-30' };
    const before = (await t.query(DASHBOARD, { filter })).body.data;
    const written = await t.query(
      RECORD,
      { input: { ...donationInput(w, 1), total: '1234.56', cash: '1000.00', inKind: '234.56' } },
      w.foundation.key.headers,
    );
    expect(written.body.data.recordDonation.__typename).toBe('RecordDonationSuccess');
    const after = (await t.query(DASHBOARD, { filter })).body.data;
    const plus = (value: string, more: string) => (Number(value) * 100 + Number(more) * 100) / 100;
    expect(after.donationSummary.donationCount).toBe(before.donationSummary.donationCount + 1);
    expect(Number(after.donationSummary.total.value)).toBe(plus(before.donationSummary.total.value, '1234.56'));
    expect(after.donationSummary.provenanceCounts.submitted).toBe(
      before.donationSummary.provenanceCounts.submitted + 1,
    );
    expect(after.donationStats.find((g: any) => g.key === 'PLEDGED').donationCount).toBe(
      (before.donationStats.find((g: any) => g.key === 'PLEDGED')?.donationCount ?? 0) + 1,
    );
    expect(after.donationTimeline.find((p: any) => p.key === '2026-11')).toEqual({
      key: '2026-11',
      donationCount: (before.donationTimeline.find((p: any) => p.key === '2026-11')?.donationCount ?? 0) + 1,
      total: { value: after.donationSummary.total.value },
    });
    expect(await findRollupDifferences(t.database.db)).toEqual([]);
  });

  it('corrections, cancellations, deletions and moves of donors, recipients and projects keep the rollups exact', async () => {
    const db = t.database.db;
    await db.transaction(async (tx) => {
      await tx.execute(
        sql`update donations set status = 'CANCELLED' where id in (select id from donations order by id limit 5)`,
      );
      await tx.execute(sql`update donations set delivered = total, status = 'DELIVERED'
        where id in (select id from donations where status = 'PLEDGED' order by id desc limit 5)`);
    });
    await db.execute(
      sql`delete from disbursements where donation_id in (select id from donations order by total limit 3)`,
    );
    await db.execute(sql`delete from donations where id in (select id from donations order by total limit 3)`);
    await db.execute(sql`update organizations set type = 'OTHER', industry = 'K'
      where id in (select donor_id from donations where donor_id is not null order by id limit 2)`);
    await db.execute(sql`update organizations set region_code = '110000'
      where id in (select recipient_id from donations where recipient_id is not null order by id desc limit 2)`);
    await db.execute(sql`update projects set region_code = '310000'
      where id in (select project_id from donations where project_id is not null order by id limit 3)`);
    expect(await findRollupDifferences(db)).toEqual([]);
    expect(await findOrganizationRollupDifferences(db)).toEqual([]);
  });

  it('a rolled-back write leaves the rollups as they were', async () => {
    const db = t.database.db;
    await expect(
      db.transaction(async (tx) => {
        await tx.execute(sql`update donations set total = total + 1, cash = cash + 1 where cash is not null`);
        throw new Error('rolled back on purpose');
      }),
    ).rejects.toThrow('rolled back on purpose');
    expect(await findRollupDifferences(db)).toEqual([]);
  });
});

describeOnServer(
  'donation rollups under concurrent writers',
  'needs a pool of connections to the same database',
  () => {
    let t: TestServer;
    let w: Writers;
    beforeAll(async () => {
      t = await startTestServer({ access: { tierBudgets: BUDGETS }, poolMax: 16 });
      w = await createWriters(t.database.db);
    });
    afterAll(() => t.close());

    it('16 writers record 1,000 donations, cancelling every tenth, on the same rollup rows; every rollup then equals the scan', async () => {
      const WRITERS = 16;
      const DONATIONS = 1_000;
      const [before] = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from donations`);
      let next = 0;
      const failures: unknown[] = [];
      const writer = async () => {
        for (let i = next++; i < DONATIONS; i = next++) {
          const { body } = await t.query(RECORD, { input: donationInput(w, i) }, w.foundation.key.headers);
          const result = body.data?.recordDonation;
          if (result?.__typename !== 'RecordDonationSuccess') {
            failures.push(body);
            continue;
          }
          if (i % 10 === 0) {
            const cancelled = await t.query(
              CANCEL,
              { input: { id: result.donation.id, expectedVersion: result.donation.version, reason: 'test' } },
              w.foundation.key.headers,
            );
            if (cancelled.body.data?.cancelDonation?.__typename !== 'CancelDonationSuccess')
              failures.push(cancelled.body);
          }
        }
      };
      await Promise.all(Array.from({ length: WRITERS }, writer));
      expect(failures).toEqual([]);
      const [after] = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from donations`);
      expect(after!.n).toBe(before!.n + DONATIONS);
      expect(await findRollupDifferences(t.database.db)).toEqual([]);
      const { body } = await t.query(DASHBOARD, {
        filter: { purpose: 'CULTURE', provenance: ['SUBMITTED'], statuses: ['CANCELLED'] },
      });
      expect(body.data.donationSummary.donationCount).toBe(DONATIONS / 10);
    }, 300_000);
  },
);
