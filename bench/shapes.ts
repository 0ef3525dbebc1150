/**
 * The benchmark's query shapes, each in three forms that must return the same data: this API's
 * GraphQL, PostGraphile 5's GraphQL (its default Amber schema over the same tables), and one
 * hand-written SQL statement for the floor. `canonical` turns any server's answer into one
 * comparable form: plain uuids, decimals as strings, rows in order.
 */

export type ServerKind = 'gongyi' | 'postgraphile' | 'floor';

export interface Fixtures {
  /** the organization holding the most projects */
  bigOrganizationId: string;
  /** the project holding the most donations */
  bigProjectId: string;
  /** this API's cursor after 10,000 of the big project's donations, newest first */
  gongyiCursor10k: string;
  /** PostGraphile's cursor at the same position */
  postgraphileCursor10k: string;
  /** the keyset position (pledged_on, id) of the 10,000th donation, for the floor */
  floorKey10k: { pledgedOn: string; id: string };
  /** 50 organizations' ids, for look-ups by many IDs */
  organizationIds50: string[];
  /** the donor of the most donations */
  bigDonorId: string;
  /** the two-digit prefix of the province holding the most organizations (its code is this and 0000) */
  province: string;
  /** this API's cursor after the 5,000 largest donations (total, then id, both descending) */
  gongyiCursorTotal5k: string;
  /** PostGraphile's cursor at the same position */
  postgraphileCursorTotal5k: string;
  /** the keyset position (total, id) of the 5,000th largest donation, for the floor */
  floorKeyTotal5k: { total: string; id: string };
}

export interface Shape {
  name: string;
  description: string;
  gongyi: (f: Fixtures) => { query: string; variables: Record<string, unknown> };
  postgraphile: (f: Fixtures) => { query: string; variables: Record<string, unknown> };
  /** one statement returning one row with one `body` column of JSON text, in canonical form */
  floor: (f: Fixtures) => { text: string; params: unknown[] };
  canonical: (kind: Exclude<ServerKind, 'floor'>, data: any) => unknown;
  /** a dashboard statistic whose floor scans every row: the target is this API at ≥ this many times the floor's rate */
  overScan?: number;
  /** for a shape whose one request takes long: fewer connections and a longer run */
  load?: { connections: number; minSeconds: number };
}

/** The row id inside this API's opaque global ID. */
export function rowIdOf(globalId: string): string {
  return Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1]!;
}

const PAGE = 20;

/**
 * The search shape's text, and its spelling in the search text (src/modules/search): no name
 * ranks above another for it, so every server's answer is in name order.
 */
const SEARCH = '基金会';
const SEARCH_SPELLED = 'jijinhui';

/** One list's heaviest filter (tests/db/plans.test.ts's combination, fitted to the benchmark set) in each form. */
interface FilteredList {
  /** this API's root field, and the shapes' name prefix in kebab case */
  field: string;
  prefix: string;
  table: string;
  /** this API's filter, as a GraphQL input literal */
  filter: (f: Fixtures) => string;
  /** PostGraphile's SQL function field (bench/database.ts) and its arguments, as GraphQL literals */
  postgraphileField: string;
  postgraphileArguments: (f: Fixtures) => string;
  /** the floor's condition, values written in */
  where: (f: Fixtures) => string;
  gongyiNode: string;
  postgraphileNode: string;
  /** the node's fields beside its id: canonical name, SQL expression */
  columns: Array<[string, string]>;
  /** `also`: a condition the floor adds for this order, implied by the filter, that bounds its index range */
  orders: Array<{ field: string; direction: 'ASC' | 'DESC'; postgraphile: string; key: string; also?: string }>;
}

/** `[from, to]` of a province's region codes, as this API's regionCode filter reads them. */
const provinceRange = (f: Fixtures) => `between '${f.province}0000' and '${f.province}9999'`;

const FILTERED_LISTS: FilteredList[] = [
  {
    field: 'organizations',
    prefix: 'organizations',
    table: 'organizations',
    // provenance SYNTHETIC where the test has REPORTED: the set's 44 reported organizations have no region
    filter: (f) => `{ types: [FOUNDATION, SOCIAL_GROUP], regionCode: "${f.province}0000", provenance: [SYNTHETIC] }`,
    postgraphileField: 'benchOrganizationsFiltered',
    postgraphileArguments: (f) =>
      `types: [FOUNDATION, SOCIAL_GROUP], province: "${f.province}0000", provenance: [SYNTHETIC]`,
    where: (f) =>
      `type in ('FOUNDATION', 'SOCIAL_GROUP') and province_code = '${f.province}0000' and provenance_kind = 'SYNTHETIC'`,
    gongyiNode: 'id name type foundedOn',
    postgraphileNode: 'rowId name type foundedOn',
    columns: [
      ['name', 'name'],
      ['type', 'type'],
      ['foundedOn', 'founded_on'],
    ],
    orders: [
      { field: 'NAME', direction: 'ASC', postgraphile: 'NAME_ASC', key: 'name' },
      {
        field: 'FOUNDED_ON',
        direction: 'DESC',
        postgraphile: 'FOUNDED_ON_KEY_DESC',
        key: `coalesce(founded_on, '-infinity'::date)`,
      },
      { field: 'CREATED_AT', direction: 'DESC', postgraphile: 'CREATED_AT_DESC', key: 'created_at' },
    ],
  },
  {
    field: 'projects',
    prefix: 'projects',
    table: 'projects',
    // 2022 where the test has 2021: the set has 8 projects active in 2021, none in most provinces
    filter: (f) =>
      `{ statuses: [ACTIVE], regionCode: "${f.province}0000", startsFrom: "2022-01-01", startsTo: "2022-12-31" }`,
    postgraphileField: 'benchProjectsFiltered',
    postgraphileArguments: (f) =>
      `statuses: [ACTIVE], regionPrefix: "${f.province}", startsFrom: "2022-01-01", startsTo: "2022-12-31"`,
    where: (f) =>
      `status = 'ACTIVE' and region_code ${provinceRange(f)} and starts_on >= '2022-01-01' and starts_on <= '2022-12-31'`,
    gongyiNode: 'id name status startsOn',
    postgraphileNode: 'rowId name status startsOn',
    columns: [
      ['name', 'name'],
      ['status', 'status'],
      ['startsOn', 'starts_on'],
    ],
    orders: [
      { field: 'NAME', direction: 'ASC', postgraphile: 'NAME_ASC', key: 'name' },
      {
        field: 'STARTS_ON',
        direction: 'DESC',
        postgraphile: 'STARTS_ON_KEY_DESC',
        key: `coalesce(starts_on, '-infinity'::date)`,
      },
      { field: 'CREATED_AT', direction: 'DESC', postgraphile: 'CREATED_AT_DESC', key: 'created_at' },
    ],
  },
  {
    field: 'donations',
    prefix: 'donations',
    table: 'donations',
    filter: () =>
      `{ statuses: [DELIVERED, VERIFIED], dateFrom: "2020-01-01", dateTo: "2020-12-31", donorTypes: [ENTERPRISE] }`,
    postgraphileField: 'benchDonationsFiltered',
    postgraphileArguments: () =>
      `statuses: [DELIVERED, VERIFIED], dateFrom: "2020-01-01", dateTo: "2020-12-31", donorTypes: [ENTERPRISE]`,
    where: () =>
      `status in ('DELIVERED', 'VERIFIED') and pledged_on >= '2020-01-01' and pledged_on <= '2020-12-31' and donor_type = 'ENTERPRISE'`,
    gongyiNode: 'id pledgedOn total { value } status',
    postgraphileNode: 'rowId pledgedOn total status',
    columns: [
      ['pledgedOn', 'pledged_on'],
      ['total', 'total::text'],
      ['status', 'status'],
    ],
    orders: [
      // the date range leaves out unknown dates, so PostGraphile's plain column orders as this API's key does
      {
        field: 'PLEDGED_ON',
        direction: 'DESC',
        postgraphile: 'PLEDGED_ON_DESC',
        key: `coalesce(pledged_on, '-infinity'::date)`,
        also: `coalesce(pledged_on, '-infinity'::date) between '2020-01-01' and '2020-12-31'`,
      },
      { field: 'TOTAL', direction: 'DESC', postgraphile: 'TOTAL_DESC', key: 'total' },
      { field: 'CREATED_AT', direction: 'DESC', postgraphile: 'CREATED_AT_DESC', key: 'created_at' },
    ],
  },
  {
    field: 'trainingSessions',
    prefix: 'training-sessions',
    table: 'training_sessions',
    // provenance SYNTHETIC where the test has REPORTED: every session of the set is synthetic
    filter: () => `{ dateFrom: "2021-01-01", dateTo: "2023-12-31", provenance: [SYNTHETIC] }`,
    postgraphileField: 'benchTrainingSessionsFiltered',
    postgraphileArguments: () => `dateFrom: "2021-01-01", dateTo: "2023-12-31", provenance: [SYNTHETIC]`,
    where: () => `starts_on >= '2021-01-01' and starts_on <= '2023-12-31' and provenance_kind = 'SYNTHETIC'`,
    gongyiNode: 'id title startsOn participantCount',
    postgraphileNode: 'rowId title startsOn participantCount',
    columns: [
      ['title', 'title'],
      ['startsOn', 'starts_on'],
      ['participantCount', 'participant_count'],
    ],
    orders: [
      { field: 'STARTS_ON', direction: 'DESC', postgraphile: 'STARTS_ON_DESC', key: 'starts_on' },
      {
        field: 'PARTICIPANT_COUNT',
        direction: 'DESC',
        postgraphile: 'PARTICIPANT_COUNT_DESC',
        key: 'participant_count',
      },
      { field: 'CREATED_AT', direction: 'DESC', postgraphile: 'CREATED_AT_DESC', key: 'created_at' },
    ],
  },
];

/** `first` rows and totalCount of one filtered list in one order, as a shape named `name`. */
function filteredListShape(
  list: FilteredList,
  order: FilteredList['orders'][number],
  name: string,
  description: string,
  first: number,
): Shape {
  const dir = order.direction.toLowerCase();
  const columns = list.columns.map(([field, column]) => `'${field}', ${column}`).join(', ');
  return {
    name,
    description,
    gongyi: (f) => ({
      query: `query List { ${list.field}(filter: ${list.filter(f)}, orderBy: { field: ${order.field}, direction: ${order.direction} }, first: ${first}) {
                totalCount nodes { ${list.gongyiNode} } } }`,
      variables: {},
    }),
    postgraphile: (f) => ({
      query: `query List { ${list.postgraphileField}(${list.postgraphileArguments(f)}, orderBy: [${order.postgraphile}, PRIMARY_KEY_${order.direction}], first: ${first}) {
                totalCount nodes { ${list.postgraphileNode} } } }`,
      variables: {},
    }),
    floor: (f) => ({
      text: `select json_build_object('totalCount', (select count(*) from ${list.table} where ${list.where(f)}), 'nodes', (
               select coalesce(json_agg(json_build_object('id', id, ${columns}) order by ${order.key} ${dir}, id ${dir}), '[]')
               from (select * from ${list.table} where ${list.where(f)}${order.also ? ` and ${order.also}` : ''} order by ${order.key} ${dir}, id ${dir} limit ${first}) t))::text as body`,
      params: [],
    }),
    canonical: (kind, data) => {
      const found = kind === 'gongyi' ? data[list.field] : data[list.postgraphileField];
      return {
        totalCount: found.totalCount,
        nodes: found.nodes.map((n: any) => ({
          id: kind === 'gongyi' ? rowIdOf(n.id) : n.rowId,
          ...Object.fromEntries(
            list.columns.map(([field]) => [field, kind === 'gongyi' && field === 'total' ? n.total.value : n[field]]),
          ),
        })),
      };
    },
  };
}

const kebab = (field: string) => field.toLowerCase().replaceAll('_', '-');

/** The summary's four figures, as DonationSummary has them and as the SQL functions' rows do. */
const SUMMARY_FIELDS = `donationCount total { value } cash { value } inKind { value }`;
const canonicalSummary = (kind: Exclude<ServerKind, 'floor'>, s: any) => ({
  donation_count: s.donationCount,
  total: kind === 'gongyi' ? s.total.value : s.total,
  cash: kind === 'gongyi' ? s.cash.value : s.cash,
  in_kind: kind === 'gongyi' ? s.inKind.value : s.inKind,
});

/** A compiled list (20 organizations by name) beside donationSummary, for one donor or over every row. */
function mixedShape(name: 'mixed-donor' | 'mixed-all'): Shape {
  const forDonor = name === 'mixed-donor';
  return {
    name,
    description: `20 organizations by name beside donationSummary ${forDonor ? 'of the largest donor' : 'over every donation'}`,
    ...(forDonor ? {} : { load: { connections: 2, minSeconds: 10 } }),
    gongyi: (f) => ({
      query: `query Mixed { organizations(first: 20, orderBy: { field: NAME }) { nodes { id name } }
                donationSummary${forDonor ? `(filter: { donorId: "${Buffer.from(`Organization:${f.bigDonorId}`).toString('base64url')}" })` : ''} { ${SUMMARY_FIELDS} } }`,
      variables: {},
    }),
    postgraphile: (f) => ({
      query: `query Mixed { allOrganizations(first: 20, orderBy: [NAME_ASC, PRIMARY_KEY_ASC]) { nodes { rowId name } }
                ${forDonor ? `summary: benchDonationSummaryOfDonor(donorId: "${f.bigDonorId}")` : 'summary: benchDonationSummary'} { donationCount total cash inKind } }`,
      variables: {},
    }),
    floor: (f) => ({
      text: `select json_build_object('organizations', (
               select coalesce(json_agg(json_build_object('id', id, 'name', name) order by name, id), '[]')
               from (select id, name from organizations order by name, id limit 20) o),
             'summary', (select row_to_json(s) from ${forDonor ? `bench_donation_summary_of_donor('${f.bigDonorId}')` : 'bench_donation_summary()'} s))::text as body`,
      params: [],
    }),
    canonical: (kind, data) => ({
      organizations: (kind === 'gongyi' ? data.organizations.nodes : data.allOrganizations.nodes).map((o: any) => ({
        id: kind === 'gongyi' ? rowIdOf(o.id) : o.rowId,
        name: o.name,
      })),
      summary: canonicalSummary(kind, kind === 'gongyi' ? data.donationSummary : data.summary),
    }),
  };
}

export const SHAPES: Shape[] = [
  {
    name: 'flat',
    description: '50 organizations by name',
    gongyi: () => ({
      query: `query Flat { organizations(first: 50, orderBy: { field: NAME }) { nodes { id name type creditCode foundedOn } } }`,
      variables: {},
    }),
    postgraphile: () => ({
      query: `query Flat { allOrganizations(first: 50, orderBy: [NAME_ASC, PRIMARY_KEY_ASC]) { nodes { rowId name type creditCode foundedOn } } }`,
      variables: {},
    }),
    floor: () => ({
      text: `select coalesce(json_agg(json_build_object('id', id, 'name', name, 'type', type, 'creditCode', credit_code, 'foundedOn', founded_on) order by name, id), '[]')::text as body
             from (select * from organizations order by name, id limit 50) o`,
      params: [],
    }),
    canonical: (kind, data) =>
      (kind === 'gongyi' ? data.organizations.nodes : data.allOrganizations.nodes).map((o: any) => ({
        id: kind === 'gongyi' ? rowIdOf(o.id) : o.rowId,
        name: o.name,
        type: o.type,
        creditCode: o.creditCode,
        foundedOn: o.foundedOn,
      })),
  },
  {
    name: 'nested',
    description: '20 organizations × 5 newest projects × 5 newest donations',
    gongyi: () => ({
      query: `query Nested { organizations(first: 20, orderBy: { field: NAME }) { nodes { id name
                projects(first: 5) { nodes { id name
                  donations(first: 5) { nodes { id pledgedOn donorName total { value } } } } } } } }`,
      variables: {},
    }),
    postgraphile: () => ({
      query: `query Nested { allOrganizations(first: 20, orderBy: [NAME_ASC, PRIMARY_KEY_ASC]) { nodes { rowId name
                projectsByOrganizationId(first: 5, orderBy: [CREATED_AT_DESC, PRIMARY_KEY_DESC]) { nodes { rowId name
                  donationsByProjectId(first: 5, orderBy: [PLEDGED_ON_DESC, PRIMARY_KEY_DESC]) { nodes { rowId pledgedOn donorName total } } } } } } }`,
      variables: {},
    }),
    floor: () => ({
      text: `select coalesce(json_agg(json_build_object('id', o.id, 'name', o.name, 'projects', (
               select coalesce(json_agg(json_build_object('id', p.id, 'name', p.name, 'donations', (
                 select coalesce(json_agg(json_build_object('id', d.id, 'pledgedOn', d.pledged_on, 'donorName', d.donor_name, 'total', d.total::text)
                                 order by coalesce(d.pledged_on, '-infinity'::date) desc, d.id desc), '[]')
                 from (select * from donations where project_id = p.id
                       order by coalesce(pledged_on, '-infinity'::date) desc, id desc limit 5) d
               )) order by p.created_at desc, p.id desc), '[]')
               from (select * from projects where organization_id = o.id order by created_at desc, id desc limit 5) p
             )) order by o.name, o.id), '[]')::text as body
             from (select * from organizations order by name, id limit 20) o`,
      params: [],
    }),
    canonical: (kind, data) =>
      (kind === 'gongyi' ? data.organizations.nodes : data.allOrganizations.nodes).map((o: any) => ({
        id: kind === 'gongyi' ? rowIdOf(o.id) : o.rowId,
        name: o.name,
        projects: (kind === 'gongyi' ? o.projects.nodes : o.projectsByOrganizationId.nodes).map((p: any) => ({
          id: kind === 'gongyi' ? rowIdOf(p.id) : p.rowId,
          name: p.name,
          donations: (kind === 'gongyi' ? p.donations.nodes : p.donationsByProjectId.nodes).map((d: any) => ({
            id: kind === 'gongyi' ? rowIdOf(d.id) : d.rowId,
            pledgedOn: d.pledgedOn,
            donorName: d.donorName,
            total: kind === 'gongyi' ? d.total.value : d.total,
          })),
        })),
      })),
  },
  {
    name: 'one-organization',
    description: 'the largest organization by id, 10 projects and totalCount',
    gongyi: (f) => ({
      query: `query One($id: ID!) { organization(id: $id) { name projects(first: 10) { totalCount nodes { id name } } } }`,
      variables: { id: Buffer.from(`Organization:${f.bigOrganizationId}`).toString('base64url') },
    }),
    postgraphile: (f) => ({
      query: `query One($id: UUID!) { organizationByRowId(rowId: $id) { name
                projectsByOrganizationId(first: 10, orderBy: [CREATED_AT_DESC, PRIMARY_KEY_DESC]) { totalCount nodes { rowId name } } } }`,
      variables: { id: f.bigOrganizationId },
    }),
    floor: (f) => ({
      text: `select json_build_object('name', o.name,
               'totalCount', (select count(*) from projects where organization_id = o.id),
               'projects', (select coalesce(json_agg(json_build_object('id', p.id, 'name', p.name) order by p.created_at desc, p.id desc), '[]')
                            from (select * from projects where organization_id = o.id order by created_at desc, id desc limit 10) p))::text as body
             from organizations o where o.id = $1`,
      params: [f.bigOrganizationId],
    }),
    canonical: (kind, data) => {
      const o = kind === 'gongyi' ? data.organization : data.organizationByRowId;
      const projects = kind === 'gongyi' ? o.projects : o.projectsByOrganizationId;
      return {
        name: o.name,
        totalCount: projects.totalCount,
        projects: projects.nodes.map((p: any) => ({ id: kind === 'gongyi' ? rowIdOf(p.id) : p.rowId, name: p.name })),
      };
    },
  },
  {
    name: 'dashboard',
    description: 'donationSummary and donationStats by donor industry over every donation (2 connections, ≥ 10 s)',
    overScan: 20,
    load: { connections: 2, minSeconds: 10 },
    gongyi: () => ({
      query: `query Dashboard { donationSummary { donationCount total { value } cash { value } inKind { value } }
                donationStats(groupBy: DONOR_INDUSTRY) { key donationCount total { value } } }`,
      variables: {},
    }),
    postgraphile: () => ({
      query: `query Dashboard { benchDonationSummary { donationCount total cash inKind }
                benchDonationStatsByDonorIndustry { nodes { key donationCount total } } }`,
      variables: {},
    }),
    floor: () => ({
      text: `select json_build_object('summary', (select row_to_json(s) from bench_donation_summary() s),
               'groups', (select coalesce(json_agg(row_to_json(g)), '[]') from bench_donation_stats_by_donor_industry() g))::text as body`,
      params: [],
    }),
    canonical: (kind, data) =>
      kind === 'gongyi'
        ? {
            summary: {
              donation_count: data.donationSummary.donationCount,
              total: data.donationSummary.total.value,
              cash: data.donationSummary.cash.value,
              in_kind: data.donationSummary.inKind.value,
            },
            groups: data.donationStats.map((g: any) => ({
              key: g.key,
              donation_count: g.donationCount,
              total: g.total.value,
            })),
          }
        : {
            summary: {
              donation_count: data.benchDonationSummary.donationCount,
              total: data.benchDonationSummary.total,
              cash: data.benchDonationSummary.cash,
              in_kind: data.benchDonationSummary.inKind,
            },
            groups: data.benchDonationStatsByDonorIndustry.nodes.map((g: any) => ({
              key: g.key,
              donation_count: g.donationCount,
              total: g.total,
            })),
          },
  },
  {
    name: 'dash-totals',
    description: 'dashboard: donationSummary over every donation with unsplitTotal and provenanceCounts',
    overScan: 20,
    load: { connections: 2, minSeconds: 10 },
    gongyi: () => ({
      query: `query DashTotals { donationSummary { donationCount total { value } cash { value } inKind { value }
                unsplitTotal { value } provenanceCounts { reported submitted synthetic } } }`,
      variables: {},
    }),
    postgraphile: () => ({
      query: `query DashTotals { benchDashboardTotals { donationCount total cash inKind unsplitTotal reported submitted synthetic } }`,
      variables: {},
    }),
    floor: () => ({ text: `select row_to_json(s)::text as body from bench_dashboard_totals() s`, params: [] }),
    canonical: (kind, data) => {
      if (kind === 'postgraphile') {
        const s = data.benchDashboardTotals;
        return {
          donation_count: s.donationCount,
          total: s.total,
          cash: s.cash,
          in_kind: s.inKind,
          unsplit_total: s.unsplitTotal,
          reported: s.reported,
          submitted: s.submitted,
          synthetic: s.synthetic,
        };
      }
      const s = data.donationSummary;
      return {
        donation_count: s.donationCount,
        total: s.total.value,
        cash: s.cash.value,
        in_kind: s.inKind.value,
        unsplit_total: s.unsplitTotal.value,
        ...s.provenanceCounts,
      };
    },
  },
  ...(
    [
      {
        name: 'dash-province',
        description: 'dashboard: donationStats by province over every donation',
        gongyi: `donationStats(groupBy: PROVINCE)`,
        postgraphile: `benchDonationStatsByProvince`,
        floor: `bench_donation_stats_by_province()`,
      },
      {
        name: 'dash-month-purpose',
        description: 'dashboard: donationStats by month of the epidemic-response donations',
        gongyi: `donationStats(groupBy: MONTH, filter: { purpose: EPIDEMIC_RESPONSE })`,
        postgraphile: `benchDonationStatsByMonth(purpose: EPIDEMIC_RESPONSE)`,
        floor: `bench_donation_stats_by_month('EPIDEMIC_RESPONSE')`,
      },
    ] as const
  ).map((d): Shape => ({
    name: d.name,
    description: d.description,
    overScan: 20,
    load: { connections: 2, minSeconds: 10 },
    gongyi: () => ({ query: `query Dash { stats: ${d.gongyi} { key donationCount total { value } } }`, variables: {} }),
    postgraphile: () => ({
      query: `query Dash { stats: ${d.postgraphile} { nodes { key donationCount total } } }`,
      variables: {},
    }),
    floor: () => ({
      text: `select coalesce(json_agg(row_to_json(g)), '[]')::text as body from ${d.floor} g`,
      params: [],
    }),
    canonical: (kind, data) =>
      (kind === 'gongyi' ? data.stats : data.stats.nodes).map((g: any) => ({
        key: g.key,
        donation_count: g.donationCount,
        total: kind === 'gongyi' ? g.total.value : g.total,
      })),
  })),
  {
    name: 'org-by-type',
    description: 'dashboard: organizationStats by type over every organization',
    overScan: 20,
    gongyi: () => ({
      query: `query OrgByType { organizationStats(groupBy: TYPE) { key organizationCount } }`,
      variables: {},
    }),
    postgraphile: () => ({
      query: `query OrgByType { benchOrganizationStatsByType { nodes { key organizationCount } } }`,
      variables: {},
    }),
    floor: () => ({
      text: `select coalesce(json_agg(row_to_json(g)), '[]')::text as body from bench_organization_stats_by_type() g`,
      params: [],
    }),
    canonical: (kind, data) =>
      (kind === 'gongyi' ? data.organizationStats : data.benchOrganizationStatsByType.nodes).map((g: any) => ({
        key: g.key,
        organization_count: g.organizationCount,
      })),
  },
  {
    name: 'search',
    description: `organizations whose name holds ${SEARCH}, ${PAGE} by name and totalCount: the pinyin trigram index against ILIKE`,
    gongyi: () => ({
      query: `query Search($search: String!) { organizations(filter: { search: $search }, first: ${PAGE}) { totalCount nodes { id name } } }`,
      variables: { search: SEARCH },
    }),
    postgraphile: () => ({
      query: `query Search($search: String!) { benchSearchOrganizations(search: $search, first: ${PAGE}) { totalCount nodes { rowId name } } }`,
      variables: { search: SEARCH },
    }),
    floor: () => ({
      text: `with found as (select id, name from organizations where search_text like $1 and name like $2)
             select json_build_object('totalCount', (select count(*) from found), 'nodes', (
               select coalesce(json_agg(json_build_object('id', id, 'name', name) order by name, id), '[]')
               from (select * from found order by name, id limit ${PAGE}) o))::text as body`,
      params: [`%${SEARCH_SPELLED}%`, `%${SEARCH}%`],
    }),
    canonical: (kind, data) => {
      const found = kind === 'gongyi' ? data.organizations : data.benchSearchOrganizations;
      return {
        totalCount: found.totalCount,
        nodes: found.nodes.map((o: any) => ({ id: kind === 'gongyi' ? rowIdOf(o.id) : o.rowId, name: o.name })),
      };
    },
  },
  {
    name: 'nodes-50',
    description: '50 organizations looked up by ID at once (nodes(ids:); PostGraphile: 50 aliased look-ups)',
    gongyi: (f) => ({
      query: `query Nodes($ids: [ID!]!) { nodes(ids: $ids) { id ... on Organization { name type foundedOn } } }`,
      variables: { ids: f.organizationIds50.map((id) => Buffer.from(`Organization:${id}`).toString('base64url')) },
    }),
    postgraphile: (f) => ({
      query: `query Nodes { ${f.organizationIds50
        .map((id, i) => `o${i}: organizationByRowId(rowId: "${id}") { rowId name type foundedOn }`)
        .join(' ')} }`,
      variables: {},
    }),
    floor: (f) => ({
      text: `select coalesce(json_agg(json_build_object('id', o.id, 'name', o.name, 'type', o.type, 'foundedOn', o.founded_on) order by n.i), '[]')::text as body
             from unnest($1::uuid[]) with ordinality as n(id, i) join organizations o on o.id = n.id`,
      params: [f.organizationIds50],
    }),
    canonical: (kind, data) =>
      (kind === 'gongyi' ? data.nodes : Object.values(data)).map((o: any) => ({
        id: kind === 'gongyi' ? rowIdOf(o.id) : o.rowId,
        name: o.name,
        type: o.type,
        foundedOn: o.foundedOn,
      })),
  },
  {
    name: 'tree-4',
    description:
      "10 organizations × 10 newest projects × 10 newest donations, each with its donor and the donor's region",
    gongyi: () => ({
      query: `query Tree { organizations(first: 10, orderBy: { field: NAME }) { nodes { id name
                projects(first: 10) { nodes { id name
                  donations(first: 10) { nodes { id total { value } donor { name region { name } } } } } } } } }`,
      variables: {},
    }),
    postgraphile: () => ({
      query: `query Tree { allOrganizations(first: 10, orderBy: [NAME_ASC, PRIMARY_KEY_ASC]) { nodes { rowId name
                projectsByOrganizationId(first: 10, orderBy: [CREATED_AT_DESC, PRIMARY_KEY_DESC]) { nodes { rowId name
                  donationsByProjectId(first: 10, orderBy: [PLEDGED_ON_DESC, PRIMARY_KEY_DESC]) { nodes { rowId total
                    organizationByDonorId { name regionByRegionCode { name } } } } } } } } }`,
      variables: {},
    }),
    floor: () => ({
      text: `select coalesce(json_agg(json_build_object('id', o.id, 'name', o.name, 'projects', (
               select coalesce(json_agg(json_build_object('id', p.id, 'name', p.name, 'donations', (
                 select coalesce(json_agg(json_build_object('id', d.id, 'total', d.total::text, 'donor', (
                     select json_build_object('name', dn.name, 'region', (select json_build_object('name', r.name) from regions r where r.code = dn.region_code))
                     from organizations dn where dn.id = d.donor_id))
                   order by coalesce(d.pledged_on, '-infinity'::date) desc, d.id desc), '[]')
                 from (select * from donations where project_id = p.id
                       order by coalesce(pledged_on, '-infinity'::date) desc, id desc limit 10) d
               )) order by p.created_at desc, p.id desc), '[]')
               from (select * from projects where organization_id = o.id order by created_at desc, id desc limit 10) p
             )) order by o.name, o.id), '[]')::text as body
             from (select * from organizations order by name, id limit 10) o`,
      params: [],
    }),
    canonical: (kind, data) =>
      (kind === 'gongyi' ? data.organizations.nodes : data.allOrganizations.nodes).map((o: any) => ({
        id: kind === 'gongyi' ? rowIdOf(o.id) : o.rowId,
        name: o.name,
        projects: (kind === 'gongyi' ? o.projects.nodes : o.projectsByOrganizationId.nodes).map((p: any) => ({
          id: kind === 'gongyi' ? rowIdOf(p.id) : p.rowId,
          name: p.name,
          donations: (kind === 'gongyi' ? p.donations.nodes : p.donationsByProjectId.nodes).map((d: any) => {
            const donor = kind === 'gongyi' ? d.donor : d.organizationByDonorId;
            const region = donor && (kind === 'gongyi' ? donor.region : donor.regionByRegionCode);
            return {
              id: kind === 'gongyi' ? rowIdOf(d.id) : d.rowId,
              total: kind === 'gongyi' ? d.total.value : d.total,
              donor: donor && { name: donor.name, region: region && { name: region.name } },
            };
          }),
        })),
      })),
  },
  ...(['page-1', 'page-10000'] as const).map((name): Shape => ({
    name,
    description: `${PAGE} of the largest project's donations, newest first, ${name === 'page-1' ? 'first page' : 'after 10,000 through a cursor'}`,
    gongyi: (f) => ({
      query: `query Page($id: ID!, $after: String) { project(id: $id) { donations(first: ${PAGE}, after: $after) { nodes { id pledgedOn total { value } } } } }`,
      variables: {
        id: Buffer.from(`Project:${f.bigProjectId}`).toString('base64url'),
        after: name === 'page-1' ? null : f.gongyiCursor10k,
      },
    }),
    postgraphile: (f) => ({
      query: `query Page($id: UUID!, $after: Cursor) { projectByRowId(rowId: $id) {
                  donationsByProjectId(first: ${PAGE}, after: $after, orderBy: [PLEDGED_ON_DESC, PRIMARY_KEY_DESC]) { nodes { rowId pledgedOn total } } } }`,
      variables: { id: f.bigProjectId, after: name === 'page-1' ? null : f.postgraphileCursor10k },
    }),
    floor: (f) => ({
      text: `select coalesce(json_agg(json_build_object('id', d.id, 'pledgedOn', d.pledged_on, 'total', d.total::text)
                 order by coalesce(d.pledged_on, '-infinity'::date) desc, d.id desc), '[]')::text as body
               from (select * from donations where project_id = $1
                     and ($2::date is null or (coalesce(pledged_on, '-infinity'::date), id) < ($2::date, $3::uuid))
                     order by coalesce(pledged_on, '-infinity'::date) desc, id desc limit ${PAGE}) d`,
      params:
        name === 'page-1' ? [f.bigProjectId, null, null] : [f.bigProjectId, f.floorKey10k.pledgedOn, f.floorKey10k.id],
    }),
    canonical: (kind, data) =>
      (kind === 'gongyi' ? data.project.donations.nodes : data.projectByRowId.donationsByProjectId.nodes).map(
        (d: any) => ({
          id: kind === 'gongyi' ? rowIdOf(d.id) : d.rowId,
          pledgedOn: d.pledgedOn,
          total: kind === 'gongyi' ? d.total.value : d.total,
        }),
      ),
  })),
  filteredListShape(
    FILTERED_LISTS.find((l) => l.field === 'donations')!,
    FILTERED_LISTS.find((l) => l.field === 'donations')!.orders.find((o) => o.field === 'TOTAL')!,
    'donations-filtered',
    'donations DELIVERED or VERIFIED, pledged in 2020, by enterprises, largest first: 100 and totalCount',
    100,
  ),
  ...FILTERED_LISTS.flatMap((list) =>
    list.orders.map((order) =>
      filteredListShape(
        list,
        order,
        `${list.prefix}-${kebab(order.field)}`,
        `${list.field} under their heaviest filter by ${order.field} ${order.direction}: ${PAGE} and totalCount`,
        PAGE,
      ),
    ),
  ),
  {
    name: 'page-total-5000',
    description: `${PAGE} donations by total, largest first, after the 5,000th through a cursor`,
    gongyi: (f) => ({
      query: `query Page($after: String) { donations(first: ${PAGE}, after: $after, orderBy: { field: TOTAL, direction: DESC }) {
                nodes { id pledgedOn total { value } } } }`,
      variables: { after: f.gongyiCursorTotal5k },
    }),
    postgraphile: (f) => ({
      query: `query Page($after: Cursor) { allDonations(first: ${PAGE}, after: $after, orderBy: [TOTAL_DESC, PRIMARY_KEY_DESC]) {
                nodes { rowId pledgedOn total } } }`,
      variables: { after: f.postgraphileCursorTotal5k },
    }),
    floor: (f) => ({
      text: `select coalesce(json_agg(json_build_object('id', d.id, 'pledgedOn', d.pledged_on, 'total', d.total::text)
                 order by d.total desc, d.id desc), '[]')::text as body
               from (select * from donations where (total, id) < ($1::numeric, $2::uuid)
                     order by total desc, id desc limit ${PAGE}) d`,
      params: [f.floorKeyTotal5k.total, f.floorKeyTotal5k.id],
    }),
    canonical: (kind, data) =>
      (kind === 'gongyi' ? data.donations.nodes : data.allDonations.nodes).map((d: any) => ({
        id: kind === 'gongyi' ? rowIdOf(d.id) : d.rowId,
        pledgedOn: d.pledgedOn,
        total: kind === 'gongyi' ? d.total.value : d.total,
      })),
  },
  mixedShape('mixed-donor'),
  mixedShape('mixed-all'),
  {
    name: 'training',
    description: `the ${PAGE} newest training sessions with organizer and region, and trainingProgress over every session`,
    gongyi: () => ({
      query: `query Training { trainingSessions(first: ${PAGE}) { nodes { id title startsOn organizer { name } region { name } } }
                trainingProgress { sessionCount personTimes } }`,
      variables: {},
    }),
    postgraphile: () => ({
      query: `query Training { allTrainingSessions(first: ${PAGE}, orderBy: [STARTS_ON_DESC, PRIMARY_KEY_DESC]) { nodes { rowId title startsOn
                  organizationByOrganizerId { name } regionByRegionCode { name } } }
                benchTrainingProgress { sessionCount personTimes } }`,
      variables: {},
    }),
    floor: () => ({
      text: `select json_build_object('sessions', (
               select coalesce(json_agg(json_build_object('id', t.id, 'title', t.title, 'startsOn', t.starts_on,
                   'organizer', (select json_build_object('name', o.name) from organizations o where o.id = t.organizer_id),
                   'region', (select json_build_object('name', r.name) from regions r where r.code = t.region_code))
                 order by t.starts_on desc, t.id desc), '[]')
               from (select * from training_sessions order by starts_on desc, id desc limit ${PAGE}) t),
             'progress', (select row_to_json(p) from bench_training_progress() p))::text as body`,
      params: [],
    }),
    canonical: (kind, data) => ({
      sessions: (kind === 'gongyi' ? data.trainingSessions.nodes : data.allTrainingSessions.nodes).map((t: any) => {
        const organizer = kind === 'gongyi' ? t.organizer : t.organizationByOrganizerId;
        const region = kind === 'gongyi' ? t.region : t.regionByRegionCode;
        return {
          id: kind === 'gongyi' ? rowIdOf(t.id) : t.rowId,
          title: t.title,
          startsOn: t.startsOn,
          organizer: organizer && { name: organizer.name },
          region: region && { name: region.name },
        };
      }),
      progress: {
        session_count: (kind === 'gongyi' ? data.trainingProgress : data.benchTrainingProgress).sessionCount,
        person_times: (kind === 'gongyi' ? data.trainingProgress : data.benchTrainingProgress).personTimes,
      },
    }),
  },
];
