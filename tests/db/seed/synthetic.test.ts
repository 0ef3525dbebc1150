import { sql } from 'drizzle-orm';
import { rows, type Database } from '../../../src/db/client';
import { TRAINING_TARGET_INDICATOR } from '../../../src/db/reference/indicators';
import { loadSynthetic, type SyntheticOptions } from '../../../src/db/seed/synthetic';
import { creditCodeProblem } from '../../../src/modules/organizations/credit-code';
import { createTestDatabase, type TestDatabase } from '../../support/database';

const OPTIONS: SyntheticOptions = {
  organizations: 30,
  projects: 60,
  donations: 200,
  trainingSessions: 20,
  seed: 7,
  bigOrganizationProjects: 10,
  bigProjectDonations: 40,
};

/** an empty migrated database: on the server at DATABASE_URL when given, else PGlite */
function freshDatabase(): Promise<TestDatabase> {
  return createTestDatabase({ seed: false });
}

async function count(database: Database, table: string): Promise<number> {
  const [row] = await rows<{ n: number }>(database.db, sql.raw(`select count(*)::int as n from ${table}`));
  return row!.n;
}

async function one<T>(database: Database, query: string): Promise<T> {
  const [row] = await rows<{ value: T }>(database.db, sql.raw(query));
  return row!.value;
}

const DONATIONS_CHECKSUM = `select md5(string_agg(id::text || total::text, ',' order by id)) as value from donations`;
const ORGANIZATIONS_CHECKSUM = `select md5(string_agg(id::text || name || coalesce(credit_code, ''), ',' order by id)) as value from organizations`;
const METRICS_CHECKSUM = `select md5(string_agg(id::text || indicator_code || coalesce(value::text, '') || coalesce(target::text, ''), ',' order by id)) as value from governance_metrics`;

/** organizations that get organization-scoped metrics */
const MEASURED = `o.type not in ('ENTERPRISE', 'GOVERNMENT_AGENCY')`;

describe('loadSynthetic', () => {
  let test: TestDatabase;
  let database: Database;
  let progress: Array<[string, number, number]>;

  beforeAll(async () => {
    test = await freshDatabase();
    database = test.database;
    progress = [];
    await loadSynthetic(database, OPTIONS, (table, done, total) => progress.push([table, done, total]));
  });
  afterAll(() => test.drop());

  it('loads the requested number of rows, with reports and disbursements alongside', async () => {
    expect(await count(database, 'organizations')).toBe(30);
    expect(await count(database, 'projects')).toBe(60);
    expect(await count(database, 'donations')).toBe(200);
    expect(await count(database, 'training_sessions')).toBe(20);
    expect(await count(database, 'project_reports')).toBeGreaterThan(0);
    expect(await count(database, 'disbursements')).toBeGreaterThan(0);
    expect(progress.filter(([, done, total]) => done === total).map(([table]) => table)).toEqual([
      'organizations',
      'projects',
      'donations',
      'training_sessions',
      'governance_metrics',
    ]);
    expect(progress.find(([table]) => table === 'governance_metrics')?.[2]).toBe(
      await count(database, 'governance_metrics'),
    );
  });

  it('marks every row synthetic, without a source', async () => {
    for (const table of [
      'organizations',
      'projects',
      'project_reports',
      'donations',
      'disbursements',
      'training_sessions',
      'governance_metrics',
    ]) {
      expect(
        await one(
          database,
          `select count(*)::int as value from ${table} where provenance_kind <> 'SYNTHETIC' or source_id is not null`,
        ),
      ).toBe(0);
    }
  });

  it('keeps donation amounts exact: total = cash + in_kind, delivered as the status says, tranches adding up', async () => {
    expect(
      await one(database, `select count(*)::int as value from donations where cash is null or total <> cash + in_kind`),
    ).toBe(0);
    expect(
      await one(
        database,
        `select count(*)::int as value from donations where case status
           when 'PLEDGED' then delivered <> 0 or delivered_on is not null
           when 'CANCELLED' then delivered <> 0 or delivered_on is not null
           when 'PARTIALLY_DELIVERED' then delivered <= 0 or delivered >= total or delivered_on < pledged_on
           else delivered <> total or delivered_on < pledged_on end`,
      ),
    ).toBe(0);
    expect(
      await one(
        database,
        `select count(*)::int as value from donations d join (
           select donation_id, sum(amount) as amount, min(disbursed_on) as first, max(disbursed_on) as last
           from disbursements group by donation_id) x on x.donation_id = d.id
         where x.amount <> d.delivered or x.first < d.pledged_on or x.last > d.delivered_on`,
      ),
    ).toBe(0);
  });

  it('links donations to projects of their recipient and reports to their project period and budget', async () => {
    expect(
      await one(
        database,
        `select count(*)::int as value from donations d join projects p on p.id = d.project_id where p.organization_id <> d.recipient_id`,
      ),
    ).toBe(0);
    expect(
      await one(
        database,
        `select count(*)::int as value from project_reports r join projects p on p.id = r.project_id
         where r.period_start < p.starts_on or r.period_end > p.ends_on or r.spent > p.budget`,
      ),
    ).toBe(0);
  });

  it('concentrates load on one organization and one project when asked', async () => {
    expect(
      await one(
        database,
        `select max(n)::int as value from (select count(*) as n from projects group by organization_id) x`,
      ),
    ).toBeGreaterThanOrEqual(10);
    expect(
      await one(
        database,
        `select max(n)::int as value from (select count(*) as n from donations group by project_id) x`,
      ),
    ).toBeGreaterThanOrEqual(40);
  });

  it('gives registered organizations unique, valid credit codes and the others none', async () => {
    const organizations = await rows<{ registration_status: string; credit_code: string | null }>(
      database.db,
      sql`select registration_status, credit_code from organizations`,
    );
    const codes = organizations.flatMap((o) => (o.credit_code ? [o.credit_code] : []));
    expect(codes.map(creditCodeProblem).filter(Boolean)).toEqual([]);
    expect(new Set(codes).size).toBe(codes.length);
    for (const o of organizations) {
      expect(o.credit_code === null).toBe(
        o.registration_status === 'FILED' || o.registration_status === 'COMMUNITY_GUIDED',
      );
    }
  });

  it('covers every value of the filterable enums', async () => {
    const covered = async (table: string, column: string, type: string) =>
      one(
        database,
        `select array_length(enum_range(null::${type}), 1) - count(distinct ${column})::int as value from ${table}`,
      );
    // every type but GOVERNMENT_AGENCY: the synthetic set invents no government body
    expect(await covered('organizations', 'type', 'organization_type')).toBe(1);
    expect(
      await one(database, `select count(*)::int as value from organizations where type = 'GOVERNMENT_AGENCY'`),
    ).toBe(0);
    expect(await covered('organizations', 'registration_status', 'registration_status')).toBe(0);
    expect(await covered('projects', 'category', 'project_category')).toBe(0);
    expect(await covered('projects', 'status', 'project_status')).toBe(0);
    expect(await covered('projects', 'funding_channel', 'funding_channel')).toBe(0);
    expect(await covered('donations', 'purpose', 'donation_purpose')).toBe(0);
    expect(await covered('donations', 'status', 'donation_status')).toBe(0);
    expect(await covered('training_sessions', 'format', 'training_format')).toBe(0);
  });

  it('gives the measured organizations yearly 2021–2023 metrics, and nothing national', async () => {
    const none = async (query: string) =>
      expect(await one(database, `select count(*)::int as value from ${query}`)).toBe(0);
    expect(
      await one(database, `select count(*)::int as value from governance_metrics where scope = 'ORGANIZATION'`),
    ).toBeGreaterThan(0);
    await none(`governance_metrics where scope = 'NATIONAL' or period_start > period_end`);
    await none(
      `governance_metrics m left join organizations o on o.id = m.organization_id where m.scope = 'ORGANIZATION' and (
         o.id is null or not (${MEASURED}) or m.region_code is not null or m.value is null or m.target is not null
         or m.value_qualifier <> 'EXACT' or extract(year from m.period_start) not between 2021 and 2023
         or m.period_start <> date_trunc('year', m.period_start) or m.period_end <> m.period_start + interval '1 year - 1 day')`,
    );
    // has_charter every year, and each year one of committee_reviews (community organizations) or information_disclosure (the others)
    await none(
      `organizations o where ${MEASURED} and (
         select count(*) filter (where m.indicator_code = 'has_charter') <> 3
           or count(*) filter (where m.indicator_code = 'committee_reviews') <> case when o.type = 'COMMUNITY_ORGANIZATION' then 3 else 0 end
           or count(*) filter (where m.indicator_code = 'information_disclosure') <> case when o.type = 'COMMUNITY_ORGANIZATION' then 0 else 3 end
         from governance_metrics m where m.organization_id = o.id)`,
    );
    await none(`governance_metrics where indicator_code = 'has_charter' and value not in (0, 1)`);
    await none(
      `governance_metrics m join organizations o on o.id = m.organization_id
       where m.indicator_code = 'has_charter' and o.registration_status = 'REGISTERED' and m.value <> 1`,
    );
    await none(
      `governance_metrics where indicator_code = 'information_disclosure' and (value not between 0 and 1 or scale(value) <> 4)`,
    );
    await none(
      `governance_metrics where indicator_code = 'committee_reviews' and (value not between 0 and 12 or value <> trunc(value))`,
    );
  });

  it('states registration and grade as the organization row does', async () => {
    const none = async (query: string) =>
      expect(await one(database, `select count(*)::int as value from ${query}`)).toBe(0);
    await none(
      `organizations o left join governance_metrics m on m.organization_id = o.id and m.indicator_code = 'registration_status'
       where ${MEASURED} and m.value is distinct from
         case o.registration_status when 'REGISTERED' then 1 when 'FILED' then 2 when 'COMMUNITY_GUIDED' then 3 end`,
    );
    await none(
      `organizations o left join governance_metrics m on m.organization_id = o.id and m.indicator_code = 'evaluation_grade'
       where ${MEASURED} and m.value is distinct from substr(o.evaluation_grade::text, 7, 1)::numeric`,
    );
    expect(
      await one(
        database,
        `select count(*)::int as value from governance_metrics where indicator_code = 'evaluation_grade'`,
      ),
    ).toBeGreaterThan(0);
  });

  it('gives each province hosting an organization its training target, and the exact person-times of its sessions', async () => {
    const none = async (query: string) =>
      expect(await one(database, `select count(*)::int as value from ${query}`)).toBe(0);
    expect(
      await one(
        database,
        `select array_agg(region_code::text order by region_code) as value from governance_metrics where scope = 'REGION'`,
      ),
    ).toEqual(
      await one(
        database,
        `select array_agg(distinct left(region_code, 2) || '0000' order by left(region_code, 2) || '0000') as value from organizations`,
      ),
    );
    await none(
      `governance_metrics where scope = 'REGION' and (
         indicator_code <> '${TRAINING_TARGET_INDICATOR}' or organization_id is not null or region_code not like '__0000'
         or period_start <> '2021-01-01' or period_end <> '2023-12-31'
         or target not between 20000 and 150000 or target <> trunc(target) or value <> trunc(value))`,
    );
    await none(
      `governance_metrics m where m.scope = 'REGION' and m.value is distinct from (
         select coalesce(sum(t.participant_count), 0) from training_sessions t
         where t.provenance_kind = 'SYNTHETIC' and left(t.region_code, 2) = left(m.region_code, 2)
           and t.starts_on between '2021-01-01' and '2023-12-31')`,
    );
    expect(
      await one(database, `select count(*)::int as value from governance_metrics where scope = 'REGION' and value > 0`),
    ).toBeGreaterThan(0);
  });

  it('changes nothing when loaded again', async () => {
    const before = await one<string>(database, DONATIONS_CHECKSUM);
    const metricsBefore = await one<string>(database, METRICS_CHECKSUM);
    const metricCount = await count(database, 'governance_metrics');
    await loadSynthetic(database, OPTIONS);
    expect(await count(database, 'organizations')).toBe(30);
    expect(await count(database, 'donations')).toBe(200);
    expect(await count(database, 'governance_metrics')).toBe(metricCount);
    expect(await one(database, DONATIONS_CHECKSUM)).toBe(before);
    expect(await one(database, METRICS_CHECKSUM)).toBe(metricsBefore);
  });

  it('generates the same rows from the same seed, and rows of its own from another', async () => {
    const fresh = await freshDatabase();
    try {
      await loadSynthetic(fresh.database, OPTIONS);
      expect(await one(fresh.database, DONATIONS_CHECKSUM)).toBe(await one(database, DONATIONS_CHECKSUM));
      expect(await one(fresh.database, ORGANIZATIONS_CHECKSUM)).toBe(await one(database, ORGANIZATIONS_CHECKSUM));
      expect(await one(fresh.database, METRICS_CHECKSUM)).toBe(await one(database, METRICS_CHECKSUM));
      const metricCount = await count(fresh.database, 'governance_metrics');
      await loadSynthetic(fresh.database, { ...OPTIONS, seed: 8 });
      expect(await count(fresh.database, 'organizations')).toBe(60);
      expect(await count(fresh.database, 'donations')).toBe(400);
      expect(await count(fresh.database, 'governance_metrics')).toBeGreaterThan(metricCount);
    } finally {
      await fresh.drop();
    }
  });
});
