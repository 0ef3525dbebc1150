import postgres from 'postgres';
import { databaseUrl, notReadyReason } from '../../bench/database';
import { openDatabase, PLAN_CACHE_MODE } from '../../src/db/client';
import { LARGE } from '../../src/db/seed/synthetic';
import { toGlobalId } from '../../src/modules/node/global-id';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { describeOnServer, SERVER_URL } from '../support/needs-server';
import { serveTestDatabase, type TestServer } from '../support/server';

/**
 * Every list of the API with each of its filters alone, the combinations the docs and the
 * dashboard send, and each order both ways, on both execution paths: neither plan PostgreSQL may
 * run each statement the API sent with (the one for its values, and the generic one) may read a big
 * table sequentially. On the benchmark database
 * when it is loaded and migrated to the current schema; else on a data set of the test's own,
 * large enough that a sequential scan is what the planner picks wherever no index serves (with
 * the indexes of migrations/0012_filter_indexes.sql alone, 32 requests still read one: date ranges
 * over most rows, projects' name search, the participant-count order).
 */

/** Tables whose sequential scan is a failure; the reference tables (regions, indicators, rollups) are small. */
const BIG_TABLES = new Set(['donations', 'projects', 'organizations', 'training_sessions']);

/** The benchmark set's database on this machine, when there is one. */
const BENCH_DATABASE = 'gongyi_bench';

/**
 * The test's own set: the demo set, each big table's rows copied this many times over under new
 * ids (organizations without their unique credit codes), so that the planner's choices are those
 * of large tables with the demo's distributions (90,000 donations), loaded in seconds.
 */
const COPIES: Record<string, number> = { organizations: 15, projects: 30, donations: 30, training_sessions: 30 };

/** Copies every row of the big tables COPIES times over, then vacuums and analyses the database. */
async function multiply(sql: postgres.Sql): Promise<void> {
  for (const [table, copies] of Object.entries(COPIES)) {
    const columns = await sql<Array<{ name: string }>>`select column_name as name from information_schema.columns
      where table_schema = 'public' and table_name = ${table} and column_name not in ('id', 'credit_code')
      order by ordinal_position`;
    const list = columns.map((c) => `"${c.name}"`).join(', ');
    await sql.unsafe(
      `insert into ${table} (${list}) select ${list} from ${table} cross join generate_series(1, ${copies - 1})`,
    );
  }
  await sql.unsafe('vacuum analyze');
}

/** One list field, its filters (each alone, then the combinations), and its order fields. */
interface ListCase {
  field: string;
  filterType: string;
  orderType: string;
  filters: Record<string, unknown>;
  combinations: Array<Record<string, unknown>>;
  orders: string[];
}

/** Values a filter can name that exist in the data set. */
interface Known {
  donorId: string;
  recipientId: string;
  projectId: string;
  organizerId: string;
  metricOrganizationId: string;
  province: string;
  city: string;
  indicatorCode: string;
}

function listCases(k: Known): ListCase[] {
  return [
    {
      field: 'organizations',
      filterType: 'OrganizationFilter',
      orderType: 'OrganizationOrder',
      filters: {
        types: ['FOUNDATION'],
        registrationStatuses: ['FILED'],
        regionCode: k.province,
        industry: 'C',
        serviceAreas: ['ELDERLY_CARE'],
        evaluationGrades: ['GRADE_5A'],
        search: '基金会',
        provenance: ['REPORTED'],
      },
      combinations: [
        { types: ['FOUNDATION', 'SOCIAL_GROUP'], regionCode: k.province, provenance: ['REPORTED'] },
        // pinyin initials, and a Latin query of two letters (matched at a word's start)
        { search: 'jjh' },
        { search: 'MN' },
      ],
      orders: ['NAME', 'FOUNDED_ON', 'CREATED_AT'],
    },
    {
      field: 'projects',
      filterType: 'ProjectFilter',
      orderType: 'ProjectOrder',
      filters: {
        organizationId: k.organizerId,
        categories: ['EPIDEMIC_RESPONSE'],
        fundingChannels: ['GOVERNMENT_PURCHASE'],
        statuses: ['ACTIVE'],
        regionCode: k.city,
        startsFrom: '2023-01-01',
        startsTo: '2019-12-31',
        search: '社区服务',
        provenance: ['REPORTED'],
      },
      combinations: [
        { statuses: ['ACTIVE'], regionCode: k.province, startsFrom: '2021-01-01', startsTo: '2021-12-31' },
      ],
      orders: ['NAME', 'STARTS_ON', 'CREATED_AT'],
    },
    {
      field: 'donations',
      filterType: 'DonationFilter',
      orderType: 'DonationOrder',
      filters: {
        donorId: k.donorId,
        recipientId: k.recipientId,
        projectId: k.projectId,
        statuses: ['VERIFIED'],
        purpose: 'EPIDEMIC_RESPONSE',
        donorTypes: ['ENTERPRISE'],
        donorIndustries: ['C'],
        dateFrom: '2024-01-01',
        dateTo: '2019-12-31',
        minTotal: '1000000.00',
        provenance: ['REPORTED'],
      },
      combinations: [
        {
          statuses: ['DELIVERED', 'VERIFIED'],
          dateFrom: '2020-01-01',
          dateTo: '2020-12-31',
          donorTypes: ['ENTERPRISE'],
        },
        { purpose: 'EPIDEMIC_RESPONSE', donorTypes: ['ENTERPRISE'], provenance: ['REPORTED'] },
      ],
      orders: ['PLEDGED_ON', 'TOTAL', 'CREATED_AT'],
    },
    {
      field: 'trainingSessions',
      filterType: 'TrainingSessionFilter',
      orderType: 'TrainingSessionOrder',
      filters: {
        organizerId: k.organizerId,
        formats: ['FORUM'],
        audiences: ['CHILD_DIRECTORS'],
        regionCode: k.city,
        dateFrom: '2023-06-01',
        dateTo: '2021-03-31',
        provenance: ['REPORTED'],
      },
      combinations: [{ dateFrom: '2021-01-01', dateTo: '2023-12-31', provenance: ['REPORTED'] }],
      orders: ['STARTS_ON', 'PARTICIPANT_COUNT', 'CREATED_AT'],
    },
    {
      field: 'governanceMetrics',
      filterType: 'GovernanceMetricFilter',
      orderType: 'GovernanceMetricOrder',
      filters: {
        indicatorCodes: [k.indicatorCode],
        scopes: ['REGION'],
        organizationId: k.metricOrganizationId,
        regionCode: k.province,
        periodFrom: '2023-01-01',
        periodTo: '2021-12-31',
        provenance: ['REPORTED'],
      },
      combinations: [{ indicatorCodes: [k.indicatorCode], provenance: ['REPORTED'] }],
      orders: ['PERIOD_END', 'CREATED_AT'],
    },
  ];
}

/** The benchmark database's URL when it holds the large set and every migration this tree has. */
async function benchDatabaseReady(adminUrl: string): Promise<string | null> {
  const reason = await notReadyReason(adminUrl, BENCH_DATABASE, LARGE).catch((error: Error) => error.message);
  return reason === null ? databaseUrl(adminUrl, BENCH_DATABASE) : null;
}

/** A plan's sequential scans of big tables, as `Seq Scan on <table>`. */
function bigSeqScans(plan: Record<string, unknown>): string[] {
  const own =
    String(plan['Node Type']).endsWith('Seq Scan') && BIG_TABLES.has(String(plan['Relation Name']))
      ? [`Seq Scan on ${String(plan['Relation Name'])}`]
      : [];
  const children = (plan['Plans'] as Array<Record<string, unknown>> | undefined) ?? [];
  return [...own, ...children.flatMap(bigSeqScans)];
}

describeOnServer('the plans of every list × filter × order', 'EXPLAINs statements on a PostgreSQL server', () => {
  let own: TestDatabase | undefined;
  let url: string;
  let compiled: TestServer;
  let resolvers: TestServer;
  let explainer: postgres.Sql;
  let known: Known;

  beforeAll(async () => {
    const bench = await benchDatabaseReady(SERVER_URL!);
    if (bench) {
      url = bench;
      const database = await openDatabase({ url, dataDir: '', poolMax: 4 });
      const shared: TestDatabase = { database, url, drop: () => database.close() };
      compiled = await serveTestDatabase(shared, { compiledReads: true });
      resolvers = await serveTestDatabase(shared, { compiledReads: false });
    } else {
      own = await createTestDatabase();
      url = own.url!;
      compiled = await serveTestDatabase(own, { compiledReads: true });
      resolvers = await serveTestDatabase(own, { compiledReads: false });
    }
    explainer = postgres(url, { max: 1, onnotice: () => {} });
    // a table whose visibility map writes have cleared cannot be counted from an index alone
    await (own ? multiply(explainer) : explainer.unsafe(`vacuum analyze ${[...BIG_TABLES].join(', ')}`));
    const [row] = await explainer.unsafe(`select
      (select donor_id from donations where donor_id is not null group by 1 order by count(*) desc limit 1) as donor,
      (select recipient_id from donations where recipient_id is not null group by 1 order by count(*) desc limit 1) as recipient,
      (select project_id from donations where project_id is not null group by 1 order by count(*) desc limit 1) as project,
      (select organizer_id from training_sessions group by 1 order by count(*) desc limit 1) as organizer,
      (select organization_id from governance_metrics where organization_id is not null limit 1) as metric_organization,
      (select region_code from organizations where region_code is not null group by 1 order by count(*) desc limit 1) as region,
      (select code from governance_indicators order by code limit 1) as indicator`);
    const region = String(row!['region']);
    known = {
      donorId: toGlobalId('Organization', row!['donor']),
      recipientId: toGlobalId('Organization', row!['recipient']),
      projectId: toGlobalId('Project', row!['project']),
      organizerId: toGlobalId('Organization', row!['organizer']),
      metricOrganizationId: toGlobalId('Organization', row!['metric_organization'] ?? row!['organizer']),
      province: `${region.slice(0, 2)}0000`,
      city: `${region.slice(0, 4)}00`,
      indicatorCode: String(row!['indicator']),
    };
  }, 180_000);

  afterAll(async () => {
    await explainer?.end();
    await compiled?.close();
    await resolvers?.close();
    if (own) await own.drop();
    else await compiled?.database.close();
  });

  it("lets PostgreSQL choose generic plans, and writes a filter's values into the statement", async () => {
    const { rows } = await compiled.database.executeSql('show plan_cache_mode');
    expect(rows[0]).toEqual({ plan_cache_mode: PLAN_CACHE_MODE });
    const marker = 'ZZFILTERVALUE';
    const document = `{ projects(filter: { search: "${marker}", startsFrom: "2020-01-02" }, orderBy: { field: STARTS_ON, direction: DESC }, first: 5) {
      totalCount nodes { id } } }`;
    for (const [pathName, server] of PATHS()) {
      const statements = await plansOf(server, document);
      expect([pathName, statements.length > 0]).toEqual([pathName, true]);
      for (const { text, params } of statements) {
        expect([pathName, text.includes(marker)]).toEqual([pathName, true]);
        expect([
          pathName,
          params.filter((p) => String(p).includes(marker) || String(p).includes('2020-01-02')),
        ]).toEqual([pathName, []]);
      }
    }
  });

  /** A value written as a literal into EXECUTE's arguments: the prepared statement's own parameter types read it. */
  function literal(value: unknown): string {
    if (value === null || value === undefined) return 'null';
    const text = Array.isArray(value) ? `{${value.map((v) => `"${String(v)}"`).join(',')}}` : String(value);
    return `'${text.replace(/'/g, "''")}'`;
  }

  /**
   * The plans PostgreSQL may run a statement with: planned for its parameters' values, and, when it
   * has parameters, the generic plan that `plan_cache_mode = auto` may switch a prepared statement
   * to after five runs (PostgreSQL 15 has no `EXPLAIN (GENERIC_PLAN)`: prepared and explained under
   * `force_generic_plan`).
   */
  async function possiblePlans(text: string, params: readonly unknown[]): Promise<Array<Record<string, unknown>>> {
    const planOf = (rows: postgres.RowList<postgres.Row[]>) =>
      (rows[0]!['QUERY PLAN'] as Array<{ Plan: Record<string, unknown> }>)[0]!.Plan;
    const custom = planOf(await explainer.unsafe(`explain (format json) ${text}`, params as never[]));
    if (params.length === 0) return [custom];
    await explainer.unsafe(`prepare generic_probe as ${text}`);
    try {
      await explainer.unsafe('set plan_cache_mode = force_generic_plan');
      const generic = planOf(
        await explainer.unsafe(`explain (format json) execute generic_probe(${params.map(literal).join(', ')})`),
      );
      return [custom, generic];
    } finally {
      await explainer.unsafe('reset plan_cache_mode');
      await explainer.unsafe('deallocate generic_probe');
    }
  }

  /** The plans of each statement `server` sends to answer `document`, with its text and parameters. */
  async function plansOf(server: TestServer, document: string, variables: Record<string, unknown> = {}) {
    const sent: Array<{ text: string; params: readonly unknown[] }> = [];
    const stop = server.database.watchStatements((text, params) => sent.push({ text, params }));
    let response;
    try {
      response = await server.query(document, variables);
    } finally {
      stop();
    }
    expect(response.body.errors).toBeUndefined();
    const plans: Array<{ text: string; params: readonly unknown[]; plans: Array<Record<string, unknown>> }> = [];
    for (const { text, params } of sent) plans.push({ text, params, plans: await possiblePlans(text, params) });
    return plans;
  }

  /** The big tables each statement `server` sends to answer `document` scans sequentially. */
  async function seqScansOf(server: TestServer, document: string, variables: Record<string, unknown>) {
    const plans = await plansOf(server, document, variables);
    return plans.flatMap(({ text, plans: possible }) =>
      possible.flatMap((plan, i) =>
        bigSeqScans(plan).map((scan) => `${scan} in the ${i ? 'generic' : 'custom'} plan of: ${text}`),
      ),
    );
  }

  /** Every scan of an index in a plan: its name and whether it reads a bounded range (an Index Cond). */
  function indexScansOf(plan: Record<string, unknown>): Array<{ index: string; bounded: boolean }> {
    const own = plan['Index Name'] ? [{ index: String(plan['Index Name']), bounded: 'Index Cond' in plan }] : [];
    const children = (plan['Plans'] as Array<Record<string, unknown>> | undefined) ?? [];
    return [...own, ...children.flatMap(indexScansOf)];
  }

  const PATHS = () =>
    [
      ['compiled', compiled],
      ['resolvers', resolvers],
    ] as const;

  it("pages each parent's donations by amount from the parent's (key, total, id) index, on either path", async () => {
    const cases = [
      ['organizations', 'donationsGiven', 'donations_donor_id_total_id_idx'],
      ['organizations', 'donationsReceived', 'donations_recipient_id_total_id_idx'],
      ['projects', 'donations', 'donations_project_id_total_id_idx'],
    ] as const;
    const missing: string[] = [];
    for (const [list, child, index] of cases) {
      const document = `{ ${list}(first: 20) { nodes { id ${child}(first: 5, orderBy: { field: TOTAL, direction: DESC }) {
        nodes { id total { value } } } } } }`;
      for (const [pathName, server] of PATHS()) {
        const used = (await plansOf(server, document)).flatMap(({ plans }) =>
          plans.flatMap((plan) => indexScansOf(plan).map((s) => s.index)),
        );
        if (!used.includes(index)) missing.push(`${list}.${child} by TOTAL on ${pathName}: read ${used.join(', ')}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('reads a date range sorted by that date as a range of the sort index, not the index from one end', async () => {
    const cases = [
      ['donations', 'DonationFilter', 'DonationOrder', 'PLEDGED_ON', { dateFrom: '2020-01-01', dateTo: '2020-12-31' }],
      ['projects', 'ProjectFilter', 'ProjectOrder', 'STARTS_ON', { startsFrom: '2020-01-01', startsTo: '2020-12-31' }],
    ] as const;
    const unbounded: string[] = [];
    for (const [field, filterType, orderType, order, filter] of cases) {
      const document = `query ($filter: ${filterType}, $orderBy: ${orderType}) {
        ${field}(filter: $filter, orderBy: $orderBy, first: 20) { nodes { id } } }`;
      for (const direction of ['ASC', 'DESC']) {
        for (const [pathName, server] of PATHS()) {
          const plans = await plansOf(server, document, { filter, orderBy: { field: order, direction } });
          const scans = plans.flatMap(({ plans: possible }) => possible.flatMap(indexScansOf));
          for (const scan of scans.filter((s) => !s.bounded)) {
            unbounded.push(`${field} by ${order} ${direction} on ${pathName}: ${scan.index} read without bounds`);
          }
        }
      }
    }
    expect(unbounded).toEqual([]);
  });

  it('reads no big table sequentially, on either path', async () => {
    const failures: string[] = [];
    for (const list of listCases(known)) {
      const filters = [
        null,
        ...Object.entries(list.filters).map(([name, value]) => ({ [name]: value })),
        ...list.combinations,
      ];
      const document = `query ($filter: ${list.filterType}, $orderBy: ${list.orderType}) {
        ${list.field}(filter: $filter, orderBy: $orderBy, first: 100) { totalCount pageInfo { hasNextPage endCursor } nodes { id } }
      }`;
      for (const filter of filters) {
        for (const field of list.orders) {
          for (const direction of ['ASC', 'DESC']) {
            const variables = { filter, orderBy: { field, direction } };
            for (const [pathName, server] of PATHS()) {
              const scans = await seqScansOf(server, document, variables);
              const what = `${list.field}(filter: ${JSON.stringify(filter)}, orderBy: ${field} ${direction}) on ${pathName}`;
              failures.push(...scans.map((scan) => `${what}: ${scan}`));
            }
          }
        }
      }
    }
    expect(failures).toEqual([]);
  }, 600_000);
});
