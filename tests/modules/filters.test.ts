import { sql, type SQL } from 'drizzle-orm';
import { rows } from '../../src/db/client';
import { toGlobalId } from '../../src/modules/node/global-id';
import { startTestServer, type TestServer } from '../support/server';

/** One list field, a filter, and the same condition written directly in SQL over its table. */
type Case = [field: string, filter: Record<string, unknown>, table: string, where: SQL];

const COUNT = (field: string, type: string) => /* GraphQL */ `
  query Count($filter: ${type}) { ${field}(filter: $filter) { totalCount } }
`;
const FILTER_TYPES: Record<string, string> = {
  organizations: 'OrganizationFilter',
  projects: 'ProjectFilter',
  donations: 'DonationFilter',
  trainingSessions: 'TrainingSessionFilter',
  governanceMetrics: 'GovernanceMetricFilter',
};

describe('every filter of the contract selects what it says', () => {
  let t: TestServer;
  let ids: { org: string; donor: string; recipient: string; project: string; organizer: string; city: string };
  beforeAll(async () => {
    t = await startTestServer();
    const [busiest] = await rows<typeof ids>(
      t.database.db,
      sql`select
            (select organization_id from projects group by 1 order by count(*) desc, 1 limit 1)::text as org,
            (select donor_id from donations where donor_id is not null group by 1 order by count(*) desc, 1 limit 1)::text as donor,
            (select recipient_id from donations where recipient_id is not null group by 1 order by count(*) desc, 1 limit 1)::text as recipient,
            (select project_id from donations where project_id is not null group by 1 order by count(*) desc, 1 limit 1)::text as project,
            (select organizer_id from training_sessions group by 1 order by count(*) desc, 1 limit 1)::text as organizer,
            (select r.code from projects p join regions r on r.code = left(p.region_code, 4) || '00' and r.level = 2
              group by 1 order by count(*) desc, 1 limit 1)::text as city`,
    );
    ids = busiest!;
  });
  afterAll(() => t.close());

  const cases = (): Case[] => [
    ['organizations', { types: ['FOUNDATION'] }, 'organizations', sql`type = 'FOUNDATION'`],
    [
      'organizations',
      { registrationStatuses: ['FILED', 'COMMUNITY_GUIDED'] },
      'organizations',
      sql`registration_status in ('FILED', 'COMMUNITY_GUIDED')`,
    ],
    ['organizations', { regionCode: '130000' }, 'organizations', sql`region_code like '13%'`],
    ['organizations', { industry: 'C' }, 'organizations', sql`industry = 'C'`],
    [
      'organizations',
      { serviceAreas: ['ELDERLY_CARE', 'EDUCATION'] },
      'organizations',
      sql`service_areas && '{ELDERLY_CARE,EDUCATION}'`,
    ],
    ['organizations', { evaluationGrades: ['GRADE_5A'] }, 'organizations', sql`evaluation_grade = 'GRADE_5A'`],
    ['organizations', { search: '基金会' }, 'organizations', sql`name like '%基金会%'`],
    ['organizations', { provenance: ['REPORTED'] }, 'organizations', sql`provenance_kind = 'REPORTED'`],
    [
      'projects',
      { organizationId: toGlobalId('Organization', ids.org) },
      'projects',
      sql`organization_id = ${ids.org}`,
    ],
    ['projects', { categories: ['NEIGHBOURHOOD_CARE'] }, 'projects', sql`category = 'NEIGHBOURHOOD_CARE'`],
    [
      'projects',
      { fundingChannels: ['GOVERNMENT_PURCHASE'] },
      'projects',
      sql`funding_channel = 'GOVERNMENT_PURCHASE'`,
    ],
    ['projects', { statuses: ['ACTIVE'] }, 'projects', sql`status = 'ACTIVE'`],
    ['projects', { regionCode: ids.city }, 'projects', sql`left(region_code, 4) = left(${ids.city}, 4)`],
    [
      'projects',
      { startsFrom: '2019-01-01', startsTo: '2020-12-31' },
      'projects',
      sql`starts_on between '2019-01-01' and '2020-12-31'`,
    ],
    ['projects', { search: '社区' }, 'projects', sql`name like '%社区%'`],
    ['projects', { provenance: ['SYNTHETIC'] }, 'projects', sql`provenance_kind = 'SYNTHETIC'`],
    ['donations', { donorId: toGlobalId('Organization', ids.donor) }, 'donations', sql`donor_id = ${ids.donor}`],
    [
      'donations',
      { recipientId: toGlobalId('Organization', ids.recipient) },
      'donations',
      sql`recipient_id = ${ids.recipient}`,
    ],
    ['donations', { projectId: toGlobalId('Project', ids.project) }, 'donations', sql`project_id = ${ids.project}`],
    ['donations', { statuses: ['PLEDGED', 'CANCELLED'] }, 'donations', sql`status in ('PLEDGED', 'CANCELLED')`],
    ['donations', { purpose: 'EPIDEMIC_RESPONSE' }, 'donations', sql`purpose = 'EPIDEMIC_RESPONSE'`],
    [
      'donations',
      { donorTypes: ['FOUNDATION'] },
      'donations',
      sql`donor_id in (select id from organizations where type = 'FOUNDATION')`,
    ],
    [
      'donations',
      { donorIndustries: ['I', 'J'] },
      'donations',
      sql`donor_id in (select id from organizations where industry in ('I', 'J'))`,
    ],
    [
      'donations',
      { dateFrom: '2020-01-01', dateTo: '2020-06-30' },
      'donations',
      sql`pledged_on between '2020-01-01' and '2020-06-30'`,
    ],
    [
      'donations',
      { statuses: ['DELIVERED', 'VERIFIED'], dateFrom: '2020-01-01', dateTo: '2020-12-31', donorTypes: ['ENTERPRISE'] },
      'donations',
      sql`status in ('DELIVERED', 'VERIFIED') and pledged_on between '2020-01-01' and '2020-12-31'
          and donor_id in (select id from organizations where type = 'ENTERPRISE')`,
    ],
    ['donations', { minTotal: '100000000.00' }, 'donations', sql`total >= 100000000`],
    ['donations', { provenance: ['REPORTED'] }, 'donations', sql`provenance_kind = 'REPORTED'`],
    [
      'trainingSessions',
      { organizerId: toGlobalId('Organization', ids.organizer) },
      'training_sessions',
      sql`organizer_id = ${ids.organizer}`,
    ],
    ['trainingSessions', { formats: ['ONLINE_CLASS'] }, 'training_sessions', sql`format = 'ONLINE_CLASS'`],
    [
      'trainingSessions',
      { audiences: ['CHILD_DIRECTORS'] },
      'training_sessions',
      sql`'CHILD_DIRECTORS' = any(audiences)`,
    ],
    ['trainingSessions', { regionCode: '320000' }, 'training_sessions', sql`region_code like '32%'`],
    [
      'trainingSessions',
      { dateFrom: '2021-01-01', dateTo: '2021-12-31' },
      'training_sessions',
      sql`starts_on between '2021-01-01' and '2021-12-31'`,
    ],
    ['trainingSessions', { provenance: ['SYNTHETIC'] }, 'training_sessions', sql`provenance_kind = 'SYNTHETIC'`],
    [
      'governanceMetrics',
      { indicatorCodes: ['registered_volunteers', 'volunteer_service_hours'] },
      'governance_metrics',
      sql`indicator_code in ('registered_volunteers', 'volunteer_service_hours')`,
    ],
    ['governanceMetrics', { scopes: ['NATIONAL'] }, 'governance_metrics', sql`scope = 'NATIONAL'`],
    [
      'governanceMetrics',
      { organizationId: toGlobalId('Organization', ids.org) },
      'governance_metrics',
      sql`organization_id = ${ids.org}`,
    ],
    ['governanceMetrics', { regionCode: '130000' }, 'governance_metrics', sql`region_code like '13%'`],
    [
      'governanceMetrics',
      { periodFrom: '2020-11-01', periodTo: '2020-12-31' },
      'governance_metrics',
      sql`period_end >= '2020-11-01' and period_start <= '2020-12-31'`,
    ],
    ['governanceMetrics', { provenance: ['REPORTED'] }, 'governance_metrics', sql`provenance_kind = 'REPORTED'`],
  ];

  it('each case has matching rows and fewer than the whole table, counted the same as in SQL', async () => {
    for (const [field, filter, table, where] of cases()) {
      const [expected] = await rows<{ n: number; all: number }>(
        t.database.db,
        sql`select count(*) filter (where ${where})::int as n, count(*)::int as "all" from ${sql.identifier(table)}`,
      );
      const { body } = await t.query(COUNT(field, FILTER_TYPES[field]!), { filter });
      expect({ field, filter, totalCount: body.data?.[field]?.totalCount, errors: body.errors }).toEqual({
        field,
        filter,
        totalCount: expected!.n,
        errors: undefined,
      });
      expect({ field, filter, matches: expected!.n > 0 }).toEqual({ field, filter, matches: true });
      // provenance may select a whole table (every project is synthetic); every other filter must narrow
      if (!('provenance' in filter))
        expect({ field, filter, narrows: expected!.n < expected!.all }).toEqual({ field, filter, narrows: true });
    }
  });

  it('finds an organization under its new province once its region moves: PostgreSQL keeps province_code true', async () => {
    const db = t.database.db;
    const [moved] = await rows<{ id: string; region: string }>(
      db,
      sql`select id::text, region_code as region from organizations where region_code like '13%' order by id limit 1`,
    );
    const [county] = await rows<{ code: string }>(
      db,
      sql`select code from regions where level = 3 and code like '32%' order by code limit 1`,
    );
    const counts = async () => {
      const [hebei, jiangsu] = await Promise.all(
        ['130000', '320000'].map((regionCode) =>
          t.query(COUNT('organizations', 'OrganizationFilter'), { filter: { regionCode } }),
        ),
      );
      return [hebei!.body.data.organizations.totalCount, jiangsu!.body.data.organizations.totalCount];
    };
    const [hebei, jiangsu] = await counts();
    await db.execute(sql`update organizations set region_code = ${county!.code} where id = ${moved!.id}`);
    try {
      expect(await counts()).toEqual([hebei - 1, jiangsu + 1]);
    } finally {
      await db.execute(sql`update organizations set region_code = ${moved!.region} where id = ${moved!.id}`);
    }
    expect(await counts()).toEqual([hebei, jiangsu]);
  });

  it('counts donations from the rollups when a grain keeps every dimension the filter names, and the rows when none does', async () => {
    const statementsFor = async (filter: Record<string, unknown>) => {
      const sent: string[] = [];
      const stop = t.database.watchStatements((text) => sent.push(text));
      try {
        const { body } = await t.query(COUNT('donations', 'DonationFilter'), { filter });
        expect(body.errors).toBeUndefined();
      } finally {
        stop();
      }
      return sent.join('\n');
    };
    const byRollup = await statementsFor({ statuses: ['VERIFIED'], dateFrom: '2020-01-01', dateTo: '2020-12-31' });
    expect(byRollup).toMatch(/from "donation_rollups"/);
    expect(byRollup).not.toMatch(/count\(\*\)/);
    // a date range ending mid-month, or a minimum total, is no rollup's: the rows are counted
    for (const filter of [{ dateFrom: '2020-01-01', dateTo: '2020-06-15' }, { minTotal: '1000.00' }]) {
      const byRows = await statementsFor(filter);
      expect(byRows).not.toMatch(/donation_rollups/);
      expect(byRows).toMatch(/count\(\*\)/);
    }
  });
});
