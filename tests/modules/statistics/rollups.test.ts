import { sql } from 'drizzle-orm';
import { rows } from '../../../src/db/client';
import { DEFAULT_TIER_BUDGETS } from '../../../src/modules/access/tiers';
import type { DonationDimension, DonationFilter } from '../../../src/generated/graphql';
import {
  donationConditions,
  groupDonations,
  summarizeDonations,
  sumDonationsPerPeriod,
} from '../../../src/modules/donations/store';
import { donationTimeline } from '../../../src/modules/donations/timeline';
import { toGlobalId } from '../../../src/modules/node/global-id';
import { isUuid } from '../../../src/modules/node/uuid';
import { DONATION_GRAINS, GROUP_DIMENSION, grainAnswering } from '../../../src/modules/statistics/donation-grains';
import type { ProvenanceCountsRow } from '../../../src/modules/statistics/provenance-counts';
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
      sql`select grain, by_purpose, by_status, by_donor_type, by_donor_industry, by_province, by_month, by_donor
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
            ['donor', 'by_donor'],
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

const STATS_ALL = /* GraphQL */ `
  query StatsAll($groupBy: DonationDimension!, $filter: DonationFilter) {
    donationStats(groupBy: $groupBy, filter: $filter) {
      key
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
      unsplitTotal {
        value
      }
      provenanceCounts {
        reported
        submitted
        synthetic
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
      unsplitTotal {
        value
      }
      delivered {
        value
      }
      inKindShare
      provenanceCounts {
        reported
        submitted
        synthetic
      }
    }
    donationTimeline(interval: QUARTER, filter: $filter) {
      key
      donationCount
      total {
        value
      }
      unsplitTotal {
        value
      }
      cumulativeTotal {
        value
      }
    }
  }
`;

describe('every grain answers what the scan answers', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ access: { tierBudgets: BUDGETS } });
  });
  afterAll(() => t.close());

  /** The same statistics by the scan alone: the store's scan functions, shaped as the API shapes them. */
  async function scanned(groupBy: DonationDimension, filter: DonationFilter) {
    const db = t.database.db;
    const conditions = donationConditions(filter);
    const all = new Set(['cash', 'inKind', 'unsplitTotal', 'provenanceCounts', 'delivered', 'inKindShare', 'total']);
    const groups = await groupDonations(db, groupBy, conditions, null, all);
    const totals = await summarizeDonations(db, conditions, all);
    const periods = donationTimeline('QUARTER', await sumDonationsPerPeriod(db, 'QUARTER', conditions));
    const counts = (r: ProvenanceCountsRow) => ({
      reported: r.reported,
      submitted: r.submitted,
      synthetic: r.synthetic,
    });
    return {
      donationStats: groups.map((g) => ({
        key: g.key,
        donationCount: g.donationCount,
        total: { value: g.total },
        cash: { value: g.cash },
        inKind: { value: g.inKind },
        unsplitTotal: { value: g.unsplitTotal },
        provenanceCounts: counts(g),
      })),
      donationSummary: {
        donationCount: totals.donationCount,
        total: { value: totals.total },
        cash: { value: totals.cash },
        inKind: { value: totals.inKind },
        unsplitTotal: { value: totals.unsplitTotal },
        delivered: { value: totals.delivered },
        inKindShare: totals.inKindShare,
        provenanceCounts: counts(totals),
      },
      donationTimeline: periods.map((p) => ({
        key: p.key,
        donationCount: p.donationCount,
        total: { value: p.total.value },
        unsplitTotal: { value: p.unsplitTotal.value },
        cumulativeTotal: { value: p.cumulativeTotal.value },
      })),
    };
  }

  it.each<[DonationDimension, DonationFilter, number | null]>([
    ['PURPOSE', {}, 1],
    ['DONOR_INDUSTRY', { purpose: 'EPIDEMIC_RESPONSE', donorTypes: ['ENTERPRISE'] }, 1],
    ['DONOR_TYPE', { statuses: ['DELIVERED', 'VERIFIED'], provenance: ['SYNTHETIC'] }, 1],
    ['STATUS', { donorIndustries: ['C', 'K'] }, 1],
    ['PROVINCE', { purpose: 'POVERTY_ALLEVIATION' }, 2],
    ['MONTH', { purpose: 'EPIDEMIC_RESPONSE', dateFrom: '2020-01-01', dateTo: '2021-06-30' }, 3],
    ['YEAR', { provenance: ['REPORTED', 'SYNTHETIC'] }, 3],
    ['PROVINCE', { donorTypes: ['FOUNDATION'] }, 4],
    ['MONTH', { donorTypes: ['ENTERPRISE'], statuses: ['PLEDGED'] }, 5],
    ['PROVINCE', { donorIndustries: ['C'] }, null],
    ['MONTH', { dateFrom: '2020-01-15' }, null],
    ['DONOR', { purpose: 'EPIDEMIC_RESPONSE' }, null],
  ])(
    'donationStats by %s, donationSummary and donationTimeline over %j (grain %p) equal the scan',
    async (groupBy, filter, grain) => {
      expect(grainAnswering(filter, GROUP_DIMENSION[groupBy])?.grain ?? null).toBe(grain);
      const { body } = await t.query(STATS_ALL, { groupBy, filter });
      expect(body.errors).toBeUndefined();
      const expected = await scanned(groupBy, filter);
      // a donor is keyed by its global ID; one known only by name (Botswana's, in the reported
      // data) has no key, and its label names it
      const key = (k: string | null) =>
        groupBy === 'DONOR' && k !== null ? (isUuid(k) ? toGlobalId('Organization', k) : null) : k;
      expect(body.data).toEqual({
        ...expected,
        donationStats: expected.donationStats.map((g) => ({ ...g, key: key(g.key) })),
      });
    },
  );

  it("a donor's donationSummary and donations' totalCount read the donor grain, and equal the scan", async () => {
    const [donor] = await rows<{ id: string }>(
      t.database.db,
      sql`select donor_id as id from donations where donor_id is not null group by 1 order by count(*) desc limit 1`,
    );
    const filter: DonationFilter = { donorId: toGlobalId('Organization', donor!.id) };
    expect(grainAnswering(filter)?.grain).toBe(6);
    const statements: string[] = [];
    const stop = t.database.watchStatements((text) => statements.push(text));
    let body;
    try {
      ({ body } = await t.query(
        `query ($filter: DonationFilter) {
          donationSummary(filter: $filter) { donationCount total { value } cash { value } inKind { value }
            unsplitTotal { value } delivered { value } provenanceCounts { reported submitted synthetic } }
          donations(filter: $filter, first: 1) { totalCount } }`,
        { filter },
      ));
    } finally {
      stop();
    }
    expect(body.errors).toBeUndefined();
    // the sums from the donor grain's rows: no statement counts donations
    expect(statements.join('\n')).toMatch(/"donation_rollups"/);
    expect(statements.join('\n')).not.toMatch(/count\(\*\)/);
    const expected = (await scanned('STATUS', filter)).donationSummary;
    const { inKindShare: _share, ...summary } = expected;
    expect(body.data).toEqual({ donationSummary: summary, donations: { totalCount: expected.donationCount } });
    expect(expected.donationCount).toBeGreaterThan(0);
  });
});
