import { sql } from 'drizzle-orm';
import { openDatabase, rows, type Database } from '../../../src/db/client';
import { migrate } from '../../../src/db/migrate';
import { loadSynthetic, type SyntheticOptions } from '../../../src/db/seed/synthetic';
import { creditCodeProblem } from '../../../src/modules/organizations/credit-code';

const OPTIONS: SyntheticOptions = {
  organizations: 30,
  projects: 60,
  donations: 200,
  trainingSessions: 20,
  seed: 7,
  bigOrganizationProjects: 10,
  bigProjectDonations: 40,
};

async function freshDatabase(): Promise<Database> {
  const database = await openDatabase({ dataDir: 'memory://' });
  await migrate(database);
  return database;
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

describe('loadSynthetic', () => {
  let database: Database;
  let progress: Array<[string, number, number]>;

  beforeAll(async () => {
    database = await freshDatabase();
    progress = [];
    await loadSynthetic(database, OPTIONS, (table, done, total) => progress.push([table, done, total]));
  });
  afterAll(() => database.close());

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
    ]);
  });

  it('marks every row synthetic, without a source', async () => {
    for (const table of ['organizations', 'projects', 'project_reports', 'donations', 'disbursements', 'training_sessions']) {
      expect(await one(database, `select count(*)::int as value from ${table} where provenance_kind <> 'SYNTHETIC' or source_id is not null`)).toBe(0);
    }
  });

  it('keeps donation amounts exact: total = cash + in_kind, delivered as the status says, tranches adding up', async () => {
    expect(await one(database, `select count(*)::int as value from donations where cash is null or total <> cash + in_kind`)).toBe(0);
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
    expect(await one(database, `select max(n)::int as value from (select count(*) as n from projects group by organization_id) x`)).toBeGreaterThanOrEqual(10);
    expect(await one(database, `select max(n)::int as value from (select count(*) as n from donations group by project_id) x`)).toBeGreaterThanOrEqual(40);
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
      expect(o.credit_code === null).toBe(o.registration_status === 'FILED' || o.registration_status === 'COMMUNITY_GUIDED');
    }
  });

  it('covers every value of the filterable enums', async () => {
    const covered = async (table: string, column: string, type: string) =>
      one(database, `select array_length(enum_range(null::${type}), 1) - count(distinct ${column})::int as value from ${table}`);
    expect(await covered('organizations', 'type', 'organization_type')).toBe(0);
    expect(await covered('organizations', 'registration_status', 'registration_status')).toBe(0);
    expect(await covered('projects', 'category', 'project_category')).toBe(0);
    expect(await covered('projects', 'status', 'project_status')).toBe(0);
    expect(await covered('projects', 'funding_channel', 'funding_channel')).toBe(0);
    expect(await covered('donations', 'purpose', 'donation_purpose')).toBe(0);
    expect(await covered('donations', 'status', 'donation_status')).toBe(0);
    expect(await covered('training_sessions', 'format', 'training_format')).toBe(0);
  });

  it('changes nothing when loaded again', async () => {
    const before = await one<string>(database, DONATIONS_CHECKSUM);
    await loadSynthetic(database, OPTIONS);
    expect(await count(database, 'organizations')).toBe(30);
    expect(await count(database, 'donations')).toBe(200);
    expect(await one(database, DONATIONS_CHECKSUM)).toBe(before);
  });

  it('generates the same rows from the same seed, and rows of its own from another', async () => {
    const fresh = await freshDatabase();
    try {
      await loadSynthetic(fresh, OPTIONS);
      expect(await one(fresh, DONATIONS_CHECKSUM)).toBe(await one(database, DONATIONS_CHECKSUM));
      expect(await one(fresh, ORGANIZATIONS_CHECKSUM)).toBe(await one(database, ORGANIZATIONS_CHECKSUM));
      await loadSynthetic(fresh, { ...OPTIONS, seed: 8 });
      expect(await count(fresh, 'organizations')).toBe(60);
      expect(await count(fresh, 'donations')).toBe(400);
    } finally {
      await fresh.close();
    }
  });
});
