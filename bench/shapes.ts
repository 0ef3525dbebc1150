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
];
