import { sql } from 'drizzle-orm';
import { rows } from '../../../src/db/client';
import { DEFAULT_TIER_BUDGETS } from '../../../src/modules/access/tiers';
import { startTestServer, type TestServer } from '../../support/server';

const ORGANIZATION_STATS = /* GraphQL */ `
  query OrganizationStats($groupBy: OrganizationDimension!, $filter: OrganizationFilter) {
    organizationStats(groupBy: $groupBy, filter: $filter) {
      key
      label
      organizationCount
      provenanceCounts {
        reported
        submitted
        synthetic
      }
    }
  }
`;

const DONATION_TIMELINE = /* GraphQL */ `
  query DonationTimeline($interval: TimeInterval!, $filter: DonationFilter) {
    donationTimeline(interval: $interval, filter: $filter) {
      key
      startsOn
      endsOn
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
      cumulativeDonationCount
      cumulativeTotal {
        value
      }
    }
  }
`;

const TRAINING_TIMELINE = /* GraphQL */ `
  query TrainingTimeline($interval: TimeInterval!, $filter: TrainingSessionFilter) {
    trainingTimeline(interval: $interval, filter: $filter) {
      target
      targetDate
      periods {
        key
        startsOn
        endsOn
        sessionCount
        personTimes
        cumulativePersonTimes
        progress
        provenanceCounts {
          reported
          submitted
          synthetic
        }
      }
    }
  }
`;

const SUMMARY_AND_GROUPS = /* GraphQL */ `
  query SummaryAndGroups($filter: DonationFilter) {
    donationSummary(filter: $filter) {
      unsplitTotal {
        value
      }
      provenanceCounts {
        reported
        submitted
        synthetic
      }
    }
    donationStats(groupBy: PURPOSE, filter: $filter) {
      key
      unsplitTotal {
        value
      }
      provenanceCounts {
        reported
        submitted
        synthetic
      }
    }
  }
`;

const DEFAULT_SUMMARY = /* GraphQL */ `
  query DefaultSummary($filter: DonationFilter) {
    donationSummary(filter: $filter) {
      donationCount
      cash {
        value
      }
      inKind {
        value
      }
      unsplitTotal {
        value
      }
      inKindShare
      provenanceCounts {
        reported
        submitted
        synthetic
      }
    }
  }
`;

const TRAINING_PROGRESS = /* GraphQL */ `
  query TrainingProgress($filter: TrainingSessionFilter) {
    trainingProgress(filter: $filter) {
      sessionCount
      personTimes
      targetDate
      provenanceCounts {
        reported
        submitted
        synthetic
      }
    }
  }
`;

const counts = (r: Record<string, unknown>) => ({
  reported: Number(r['reported']),
  submitted: Number(r['submitted']),
  synthetic: Number(r['synthetic']),
});
const KINDS = sql`count(*) filter (where provenance_kind = 'REPORTED') as reported,
  count(*) filter (where provenance_kind = 'SUBMITTED') as submitted,
  count(*) filter (where provenance_kind = 'SYNTHETIC') as synthetic`;

describe('the dashboard statistics answer what a direct SQL scan answers', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ access: { tierBudgets: { ...DEFAULT_TIER_BUDGETS, ANONYMOUS: 1_000_000 } } });
  });
  afterAll(() => t.close());

  it('organizationStats by type counts every organization per type, most first, with Chinese labels', async () => {
    const expected = await rows<Record<string, unknown>>(
      t.database.db,
      sql`select type::text as key, count(*)::int as n, ${KINDS} from organizations group by 1 order by 2 desc, 1`,
    );
    const { body } = await t.query(ORGANIZATION_STATS, { groupBy: 'TYPE' });
    expect(body.data.organizationStats).toEqual(
      expected.map((e) => ({
        key: e['key'],
        label: expect.any(String),
        organizationCount: e['n'],
        provenanceCounts: counts(e),
      })),
    );
    expect(body.data.organizationStats.find((g: any) => g.key === 'FOUNDATION')?.label).toBe('基金会');
  });

  it.each([
    ['REGISTRATION_STATUS', sql`registration_status::text`, {}],
    ['PROVINCE', sql`left(region_code, 2) || '0000'`, {}],
    ['EVALUATION_GRADE', sql`evaluation_grade::text`, {}],
    ['TYPE', sql`type::text`, { provenance: ['REPORTED'] }],
  ])('organizationStats by %s equals the scan, filtered or not', async (groupBy, key, filter) => {
    const where = 'provenance' in filter ? sql`where provenance_kind = 'REPORTED'` : sql``;
    const expected = await rows<Record<string, unknown>>(
      t.database.db,
      sql`select ${key} as key, count(*)::int as n, ${KINDS} from organizations ${where} group by 1 order by 2 desc, 1 nulls last`,
    );
    const { body } = await t.query(ORGANIZATION_STATS, { groupBy, filter });
    expect(
      body.data.organizationStats.map((g: any) => ({
        key: g.key,
        n: g.organizationCount,
        ...g.provenanceCounts,
      })),
    ).toEqual(expected.map((e) => ({ key: e['key'], n: e['n'], ...counts(e) })));
  });

  it.each([
    ['MONTH', 'month', { purpose: 'EPIDEMIC_RESPONSE' }],
    ['QUARTER', 'quarter', { statuses: ['DELIVERED', 'VERIFIED'] }],
    ['YEAR', 'year', {}],
    ['YEAR', 'year', { provenance: ['SYNTHETIC'] }],
  ])(
    'donationTimeline by %s sums each period exactly and runs its totals (filter %j)',
    async (interval, unit, filter) => {
      const conditions = [
        sql`pledged_on is not null`,
        'purpose' in filter ? sql`purpose = 'EPIDEMIC_RESPONSE'` : sql`true`,
        'statuses' in filter ? sql`status in ('DELIVERED', 'VERIFIED')` : sql`true`,
        'provenance' in filter ? sql`provenance_kind = 'SYNTHETIC'` : sql`true`,
      ];
      const expected = await rows<Record<string, unknown>>(
        t.database.db,
        sql`select to_char(date_trunc(${sql.raw(`'${unit}'`)}, pledged_on), 'YYYY-MM-DD') as starts_on, count(*)::int as n,
            sum(total)::text as total, coalesce(sum(cash), 0)::numeric(20,2)::text as cash,
            coalesce(sum(in_kind), 0)::numeric(20,2)::text as in_kind,
            coalesce(sum(total) filter (where cash is null), 0)::numeric(20,2)::text as unsplit, ${KINDS},
            (sum(count(*)) over (order by date_trunc(${sql.raw(`'${unit}'`)}, pledged_on)))::int as running_n,
            (sum(sum(total)) over (order by date_trunc(${sql.raw(`'${unit}'`)}, pledged_on)))::text as running_total
          from donations where ${sql.join(conditions, sql` and `)}
          group by date_trunc(${sql.raw(`'${unit}'`)}, pledged_on) order by 1`,
      );
      const { body } = await t.query(DONATION_TIMELINE, { interval, filter });
      const nonEmpty = body.data.donationTimeline.filter((p: any) => p.donationCount > 0);
      expect(
        nonEmpty.map((p: any) => [
          p.startsOn,
          p.donationCount,
          p.total.value,
          p.cash.value,
          p.inKind.value,
          p.unsplitTotal.value,
          p.provenanceCounts,
          p.cumulativeDonationCount,
          p.cumulativeTotal.value,
        ]),
      ).toEqual(
        expected.map((e) => [
          e['starts_on'],
          e['n'],
          e['total'],
          e['cash'],
          e['in_kind'],
          e['unsplit'],
          counts(e),
          e['running_n'],
          e['running_total'],
        ]),
      );
      const timeline = body.data.donationTimeline;
      expect(timeline[0].startsOn).toBe(expected[0]!['starts_on']);
      expect(timeline.at(-1).cumulativeDonationCount).toBe(expected.at(-1)!['running_n']);
    },
  );

  it('donationTimeline lists every month between the first and the last, each ending the day before the next', async () => {
    const { body } = await t.query(DONATION_TIMELINE, { interval: 'MONTH', filter: { purpose: 'DISASTER_RELIEF' } });
    expect(body.errors).toBeUndefined();
    const periods = body.data.donationTimeline as Array<{ key: string; startsOn: string; endsOn: string }>;
    const month = (k: string) => Number(k.slice(0, 4)) * 12 + Number(k.slice(5, 7));
    expect(periods.length).toBe(month(periods.at(-1)!.key) - month(periods[0]!.key) + 1);
    for (const [i, p] of periods.entries()) {
      expect(p.startsOn).toBe(`${p.key}-01`);
      const next = periods[i + 1];
      if (next) expect(new Date(Date.parse(p.endsOn) + 86_400_000).toISOString().slice(0, 10)).toBe(next.startsOn);
    }
  });

  it('trainingTimeline in 2023 runs person-times month by month against the 2,450,000 target', async () => {
    const filter = { dateFrom: '2023-01-01', dateTo: '2023-12-31' };
    const expected = await rows<Record<string, unknown>>(
      t.database.db,
      sql`select to_char(date_trunc('month', starts_on), 'YYYY-MM') as key, count(*)::int as n,
            sum(participant_count)::int as p, (sum(sum(participant_count)) over (order by date_trunc('month', starts_on)))::int as running, ${KINDS}
          from training_sessions where starts_on between '2023-01-01' and '2023-12-31'
          group by date_trunc('month', starts_on) order by 1`,
    );
    const { body } = await t.query(TRAINING_TIMELINE, { interval: 'MONTH', filter });
    expect(body.data.trainingTimeline.target).toBe(2450000);
    expect(body.data.trainingTimeline.targetDate).toBe('2023-12-31');
    expect(
      body.data.trainingTimeline.periods
        .filter((p: any) => p.sessionCount > 0)
        .map((p: any) => [
          p.key,
          p.sessionCount,
          p.personTimes,
          p.cumulativePersonTimes,
          p.progress,
          p.provenanceCounts,
        ]),
    ).toEqual(
      expected.map((e) => [
        e['key'],
        e['n'],
        e['p'],
        e['running'],
        (Math.round((Number(e['running']) / 2_450_000) * 10_000) / 10_000).toFixed(4),
        counts(e),
      ]),
    );
  });

  it('donationSummary without a filter says how many of its donations are synthetic', async () => {
    const [scan] = await rows<Record<string, unknown>>(
      t.database.db,
      sql`select count(*)::int as n, ${KINDS} from donations`,
    );
    const { body } = await t.query(DEFAULT_SUMMARY);
    const summary = body.data.donationSummary;
    expect(summary.donationCount).toBe(scan!['n']);
    expect(summary.provenanceCounts).toEqual(counts(scan!));
    // the demo set mixes the articles' donations with generated ones, and the answer says so
    expect(summary.provenanceCounts.synthetic).toBeGreaterThan(0);
    expect(summary.provenanceCounts.reported).toBeGreaterThan(0);
  });

  it.each([{}, { provenance: ['REPORTED'] }, { provenance: ['SYNTHETIC'] }, { purpose: 'EPIDEMIC_RESPONSE' }])(
    'inKindShare is the share of the whole value, null when part of its split is unknown (filter %j)',
    async (filter) => {
      const conditions = [
        'provenance' in filter ? sql`provenance_kind = ${filter.provenance![0]}` : sql`true`,
        'purpose' in filter ? sql`purpose = 'EPIDEMIC_RESPONSE'` : sql`true`,
      ];
      const [scan] = await rows<{ unsplit: string; share: string | null }>(
        t.database.db,
        sql`select coalesce(sum(total) filter (where cash is null), 0)::numeric(20,2)::text as unsplit,
              round(sum(in_kind) / nullif(sum(cash) + sum(in_kind), 0), 4)::text as share
            from donations where ${sql.join(conditions, sql` and `)}`,
      );
      const { body } = await t.query(DEFAULT_SUMMARY, { filter });
      const summary = body.data.donationSummary;
      expect(summary.unsplitTotal.value).toBe(scan!.unsplit);
      expect(summary.inKindShare).toBe(scan!.unsplit === '0.00' ? scan!.share : null);
    },
  );

  it('gives no share over the reported donations, whose split is partly unknown, and one over the generated ones, whose split is whole', async () => {
    const share = async (provenance: string) =>
      (await t.query(DEFAULT_SUMMARY, { filter: { provenance: [provenance] } })).body.data.donationSummary.inKindShare;
    expect(await share('REPORTED')).toBeNull();
    expect(await share('SYNTHETIC')).toMatch(/^0\.\d{4}$/);
  });

  it('pledges no COVID-19 donation of the demo set before 2020', async () => {
    const { body } = await t.query(DEFAULT_SUMMARY, {
      filter: { purpose: 'EPIDEMIC_RESPONSE', dateTo: '2019-12-31' },
    });
    expect(body.data.donationSummary.donationCount).toBe(0);
  });

  it.each([{}, { provenance: ['SYNTHETIC'] }, { regionCode: '420000' }])(
    'trainingProgress says how many of its sessions come from each provenance kind (filter %j)',
    async (filter) => {
      const where =
        'provenance' in filter
          ? sql`where provenance_kind = 'SYNTHETIC'`
          : 'regionCode' in filter
            ? sql`where left(region_code, 2) = '42'`
            : sql``;
      const [scan] = await rows<Record<string, unknown>>(
        t.database.db,
        sql`select count(*)::int as n, coalesce(sum(participant_count), 0)::int as p, ${KINDS} from training_sessions ${where}`,
      );
      const { body } = await t.query(TRAINING_PROGRESS, { filter });
      expect(body.data.trainingProgress).toMatchObject({
        sessionCount: scan!['n'],
        personTimes: scan!['p'],
        provenanceCounts: counts(scan!),
      });
    },
  );

  it('counts toward the 2021–2023 target only generated sessions held within those years', async () => {
    const all = await t.query(TRAINING_PROGRESS, { filter: { provenance: ['SYNTHETIC'] } });
    const within = await t.query(TRAINING_PROGRESS, {
      filter: { provenance: ['SYNTHETIC'], dateFrom: '2021-01-01', dateTo: '2023-12-31' },
    });
    expect(all.body.data.trainingProgress.targetDate).toBe('2023-12-31');
    expect(all.body.data.trainingProgress.sessionCount).toBeGreaterThan(0);
    expect(within.body.data.trainingProgress).toEqual(all.body.data.trainingProgress);
    const [late] = await rows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from training_sessions where provenance_kind = 'SYNTHETIC' and ends_on > '2023-12-31'`,
    );
    expect(late!.n).toBe(0);
  });

  it.each([{}, { provenance: ['REPORTED'] }, { purpose: 'EPIDEMIC_RESPONSE', donorTypes: ['ENTERPRISE'] }])(
    'unsplitTotal and provenanceCounts on the summary and on each group equal the scan (filter %j)',
    async (filter) => {
      const conditions = [
        'provenance' in filter ? sql`d.provenance_kind = 'REPORTED'` : sql`true`,
        'purpose' in filter ? sql`d.purpose = 'EPIDEMIC_RESPONSE'` : sql`true`,
        'donorTypes' in filter
          ? sql`d.donor_id in (select id from organizations where type = 'ENTERPRISE')`
          : sql`true`,
      ];
      const scan = (groupBy: boolean) =>
        rows<Record<string, unknown>>(
          t.database.db,
          sql`select ${groupBy ? sql`purpose::text` : sql`null`} as key,
                coalesce(sum(total) filter (where cash is null), 0)::numeric(20,2)::text as unsplit, ${KINDS}
              from donations d where ${sql.join(conditions, sql` and `)}
              ${groupBy ? sql`group by 1 order by sum(total) desc, 1` : sql``}`,
        );
      const [summary] = await scan(false);
      const groups = await scan(true);
      const { body } = await t.query(SUMMARY_AND_GROUPS, { filter });
      expect(body.data).toEqual({
        donationSummary: { unsplitTotal: { value: summary!['unsplit'] }, provenanceCounts: counts(summary!) },
        donationStats: groups.map((g) => ({
          key: g['key'],
          unsplitTotal: { value: g['unsplit'] },
          provenanceCounts: counts(g),
        })),
      });
    },
  );
});
