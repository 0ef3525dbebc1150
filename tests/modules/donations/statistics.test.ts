import { sql } from 'drizzle-orm';
import { rows } from '../../../src/db/client';
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

const PROGRESS = /* GraphQL */ `
  query Progress($filter: TrainingSessionFilter) {
    trainingProgress(filter: $filter) {
      sessionCount
      personTimes
      target
      targetDate
      progress
    }
  }
`;

describe('statistics are exact sums over every matching row', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
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

  it('trainingProgress reports person-times against the 2,450,000 target due 2023-12-31', async () => {
    const [expected] = await rows<{ n: number; p: number }>(
      t.database.db,
      sql`select count(*)::int as n, sum(participant_count)::int as p from training_sessions where starts_on >= '2021-01-01'`,
    );
    const { body } = await t.query(PROGRESS, { filter: { dateFrom: '2021-01-01' } });
    const progress = (expected!.p / 2_450_000).toFixed(4);
    expect(body.data.trainingProgress).toEqual({
      sessionCount: expected!.n,
      personTimes: expected!.p,
      target: 2450000,
      targetDate: '2023-12-31',
      progress,
    });
  });

  it('trainingProgress in a province reports against that province’s own target', async () => {
    const [regional] = await rows<{ region_code: string; value: string; target: string }>(
      t.database.db,
      sql`select region_code, value::text, target::text from governance_metrics
          where scope = 'REGION' and indicator_code = 'community_social_work_training_person_times' and value::int > 0
          order by region_code limit 1`,
    );
    const { body } = await t.query(PROGRESS, {
      filter: { regionCode: regional!.region_code, dateFrom: '2021-01-01', dateTo: '2023-12-31' },
    });
    expect(body.data.trainingProgress).toEqual({
      sessionCount: expect.any(Number),
      personTimes: Number(regional!.value),
      target: Number(regional!.target),
      targetDate: '2023-12-31',
      progress: (Number(regional!.value) / Number(regional!.target)).toFixed(4),
    });
  });
});
