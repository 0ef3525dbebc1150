import { sql } from 'drizzle-orm';
import { rows } from '../../../src/db/client';
import { DEFAULT_TIER_BUDGETS } from '../../../src/modules/access/tiers';
import { startTestServer, type TestServer } from '../../support/server';

const SUMMARY = /* GraphQL */ `
  query Summary($filter: DonationFilter) {
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

const STATS = /* GraphQL */ `
  query Stats($groupBy: DonationDimension!) {
    donationStats(groupBy: $groupBy) {
      key
      label
      donationCount
      total {
        value
      }
    }
  }
`;

describe('statistics are exact sums over every matching row', () => {
  let t: TestServer;
  beforeAll(async () => {
    // every statistic scans all donations and costs as much: a budget for the whole suite
    t = await startTestServer({ access: { tierBudgets: { ...DEFAULT_TIER_BUDGETS, ANONYMOUS: 1_000_000 } } });
  });
  afterAll(() => t.close());

  it('donationSummary over enterprise donors equals the same sums taken directly in SQL', async () => {
    const [expected] = await rows<Record<string, string | number>>(
      t.database.db,
      sql`select count(*)::int as n, sum(d.total)::text as total, sum(d.cash)::text as cash,
                 sum(d.in_kind)::text as in_kind, sum(d.delivered)::text as delivered
          from donations d join organizations o on o.id = d.donor_id where o.type = 'ENTERPRISE'`,
    );
    const { body } = await t.query(SUMMARY, { filter: { donorTypes: ['ENTERPRISE'] } });
    expect(body.data.donationSummary).toEqual({
      donationCount: expected!['n'],
      total: { value: expected!['total'] },
      cash: { value: expected!['cash'] },
      inKind: { value: expected!['in_kind'] },
      delivered: { value: expected!['delivered'] },
    });
  });

  it.each(['DONOR', 'DONOR_TYPE', 'DONOR_INDUSTRY', 'RECIPIENT', 'PURPOSE', 'STATUS', 'YEAR', 'MONTH', 'PROVINCE'])(
    'donationStats by %s partitions every donation, largest total first',
    async (groupBy) => {
      const { body } = await t.query(STATS, { groupBy });
      const groups = body.data.donationStats as Array<{ donationCount: number; total: { value: string } }>;
      const fen = (v: string) => BigInt(v.replace('.', ''));
      const totals = groups.map((g) => fen(g.total.value));
      expect([...totals].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0))).toEqual(totals);
      const summary = (await t.query(SUMMARY)).body.data.donationSummary;
      expect(groups.reduce((n, g) => n + g.donationCount, 0)).toBe(summary.donationCount);
      expect(totals.reduce((x, y) => x + y, 0n)).toBe(fen(summary.total.value));
    },
  );

  it('labels groups readably: Chinese value names, GB/T 4754 sections, GB/T 2260 provinces', async () => {
    const labelOf = async (groupBy: string, key: string) =>
      (await t.query(STATS, { groupBy })).body.data.donationStats.find((g: any) => g.key === key)?.label;
    expect(await labelOf('DONOR_TYPE', 'ENTERPRISE')).toBe('企业');
    expect(await labelOf('PURPOSE', 'EPIDEMIC_RESPONSE')).toBe('疫情防控');
    expect(await labelOf('STATUS', 'VERIFIED')).toBe('已核验');
    const industries = (await t.query(STATS, { groupBy: 'DONOR_INDUSTRY' })).body.data.donationStats;
    expect(industries.find((g: any) => g.key === 'C')?.label).toBe('制造业');
    const provinces = (await t.query(STATS, { groupBy: 'PROVINCE' })).body.data.donationStats;
    expect(provinces.filter((g: any) => g.key !== null).every((g: any) => /^\d{2}0000$/.test(g.key) && g.label)).toBe(
      true,
    );
  });
});
