import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { compileOperation } from '../../../src/modules/compiled-reads/compile';
import { parseGlobalId } from '../../../src/modules/node/global-id';
import { RegionDirectory } from '../../../src/modules/regions/directory';
import { loadTypeDefs } from '../../../src/schema';
import { sqlSchema } from '../../../src/sql-schema';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { serveTestDatabase, type TestServer } from '../../support/server';
import { DEFAULT_TIER_BUDGETS } from '../../../src/modules/access/tiers';

const REGION = /* GraphQL */ `
  fragment RegionFields on Region {
    __typename
    code
    name
    level
    parent {
      code
      name
      level
      parent {
        code
        name
      }
    }
  }
`;

const PROVENANCE = /* GraphQL */ `
  fragment ProvenanceFields on Provenance {
    __typename
    kind
    source {
      __typename
      title
      publisher
      publishedOn
      url
    }
  }
`;

const ORGANIZATION = /* GraphQL */ `
  fragment OrganizationFields on Organization {
    __typename
    id
    name
    type
    registrationStatus
    creditCode
    region {
      ...RegionFields
    }
    foundedOn
    serviceAreas
    targetGroups
    evaluationGrade
    industry
    incubator {
      id
      name
      incubator {
        id
      }
    }
    provenance {
      ...ProvenanceFields
    }
    createdAt
    updatedAt
  }
`;

const PROJECT = /* GraphQL */ `
  fragment ProjectFields on Project {
    __typename
    id
    name
    organization {
      id
      name
    }
    category
    fundingChannel
    status
    region {
      ...RegionFields
    }
    startsOn
    endsOn
    budget {
      __typename
      value
      currency
    }
    beneficiaryCount
    targetGroups
    provenance {
      ...ProvenanceFields
    }
    createdAt
    updatedAt
  }
`;

const DONATION = /* GraphQL */ `
  fragment DonationFields on Donation {
    __typename
    id
    donor {
      id
      name
    }
    donorName
    recipient {
      id
      type
    }
    project {
      id
      name
    }
    purpose
    status
    pledgedOn
    deliveredOn
    total {
      value
      currency
    }
    cash {
      value
      currency
    }
    inKind {
      value
    }
    inKindDescription
    delivered {
      value
      currency
    }
    provenance {
      ...ProvenanceFields
    }
    createdAt
    updatedAt
  }
`;

const REPORT = /* GraphQL */ `
  fragment ReportFields on ProjectReport {
    __typename
    id
    project {
      id
    }
    periodStart
    periodEnd
    summary
    beneficiariesReached
    spent {
      value
      currency
    }
    provenance {
      ...ProvenanceFields
    }
    createdAt
    updatedAt
  }
`;

const SESSION = /* GraphQL */ `
  fragment SessionFields on TrainingSession {
    __typename
    id
    title
    organizer {
      id
      name
    }
    format
    audiences
    topics
    region {
      ...RegionFields
    }
    startsOn
    endsOn
    participantCount
    provenance {
      ...ProvenanceFields
    }
    createdAt
    updatedAt
  }
`;

const METRIC = /* GraphQL */ `
  fragment MetricFields on GovernanceMetric {
    __typename
    id
    indicator {
      __typename
      code
      name
      description
      unit
    }
    scope
    organization {
      id
    }
    region {
      ...RegionFields
    }
    periodStart
    periodEnd
    value
    valueQualifier
    target
    provenance {
      ...ProvenanceFields
    }
    createdAt
    updatedAt
  }
`;

const FRAGMENTS = [REGION, PROVENANCE, ORGANIZATION, PROJECT, DONATION, REPORT, SESSION, METRIC].join('\n');

const PAGE_INFO = /* GraphQL */ `
  pageInfo {
    __typename
    hasNextPage
    hasPreviousPage
    startCursor
    endCursor
  }
`;

/** Every field of every type SQL answers, under every list, with edges, cursors, page info and counts. */
const EVERYTHING = /* GraphQL */ `
  query Everything {
    __typename
    organizations(first: 30) {
      __typename
      totalCount
      ${PAGE_INFO}
      edges {
        __typename
        cursor
        node {
          ...OrganizationFields
        }
      }
    }
    reported: organizations(first: 10, filter: { provenance: [REPORTED] }) {
      nodes {
        ...OrganizationFields
        projects(first: 3) {
          totalCount
          nodes {
            ...ProjectFields
            reports(first: 2) {
              totalCount
              ${PAGE_INFO}
              nodes {
                ...ReportFields
              }
            }
            donations(first: 3, orderBy: { field: TOTAL, direction: DESC }) {
              ${PAGE_INFO}
              nodes {
                ...DonationFields
              }
            }
          }
        }
        donationsGiven(first: 2) {
          totalCount
          nodes {
            ...DonationFields
          }
        }
        donationsReceived(first: 2) {
          edges {
            cursor
            node {
              id
            }
          }
        }
        trainingSessions(first: 2) {
          nodes {
            ...SessionFields
          }
        }
        governanceMetrics(first: 2) {
          totalCount
          nodes {
            ...MetricFields
          }
        }
      }
    }
    projects(first: 25, orderBy: { field: STARTS_ON }) {
      totalCount
      nodes {
        ...ProjectFields
        reports(first: 5) {
          ${PAGE_INFO}
          nodes {
            ...ReportFields
          }
        }
      }
    }
    donations(first: 40, orderBy: { field: CREATED_AT, direction: DESC }) {
      ${PAGE_INFO}
      nodes {
        ...DonationFields
      }
    }
    trainingSessions(first: 20) {
      nodes {
        ...SessionFields
      }
    }
    governanceMetrics(first: 30) {
      nodes {
        ...MetricFields
      }
    }
    targets: governanceMetrics(first: 30, filter: { scopes: [NATIONAL, REGION] }) {
      nodes {
        ...MetricFields
      }
    }
  }
  ${FRAGMENTS}
`;

const FILTERED = /* GraphQL */ `
  query Filtered($region: String!, $types: [OrganizationType!], $search: String) {
    byRegion: organizations(
      first: 20
      filter: { regionCode: $region }
      orderBy: { field: FOUNDED_ON, direction: DESC }
    ) {
      totalCount
      nodes {
        id
        name
        foundedOn
      }
    }
    byType: organizations(first: 20, filter: { types: $types, serviceAreas: [ELDERLY_CARE, CHILD_WELFARE] }) {
      totalCount
      nodes {
        id
        type
        serviceAreas
      }
    }
    named: organizations(first: 5, filter: { search: $search }) {
      totalCount
      nodes {
        name
      }
    }
    projects(first: 20, filter: { statuses: [ACTIVE, COMPLETED], startsFrom: "2020-01-01" }, orderBy: { field: NAME }) {
      totalCount
      nodes {
        id
        name
        status
        startsOn
      }
    }
    donations(first: 20, filter: { donorTypes: [ENTERPRISE], minTotal: "1000.00" }) {
      totalCount
      nodes {
        id
        total {
          value
        }
        donor {
          type
        }
      }
    }
    trainingSessions(first: 10, filter: { formats: [ONLINE_CLASS] }) {
      totalCount
      nodes {
        id
        format
      }
    }
    governanceMetrics(first: 10, filter: { scopes: [NATIONAL, REGION] }) {
      totalCount
      nodes {
        id
        scope
      }
    }
  }
`;

const DIRECTIVES = /* GraphQL */ `
  query Directives($withName: Boolean!, $skipProjects: Boolean!) {
    organizations(first: 5, orderBy: { field: CREATED_AT }) {
      nodes {
        id
        name @include(if: $withName)
        ... on Organization @skip(if: $skipProjects) {
          projects(first: 2) {
            nodes {
              id
            }
          }
        }
        projects(first: 2) {
          nodes {
            name
          }
        }
        alias: type
        again: projects(first: 1) {
          totalCount
        }
      }
    }
  }
`;

const PAGE = /* GraphQL */ `
  query Page($first: Int, $after: String, $last: Int, $before: String) {
    organizations(first: $first, after: $after, last: $last, before: $before, orderBy: { field: NAME }) {
      ${PAGE_INFO}
      edges {
        cursor
        node {
          id
          name
        }
      }
    }
  }
`;

/** The same pages without page info: no row past the page is read, and the page is ordered by its sort. */
const PAGE_EDGES = /* GraphQL */ `
  query PageEdges($first: Int, $after: String, $last: Int, $before: String) {
    organizations(first: $first, after: $after, last: $last, before: $before, orderBy: { field: NAME }) {
      edges {
        cursor
        node {
          id
          foundedOn
        }
      }
      nodes {
        name
      }
    }
  }
`;

const LOOKUPS = /* GraphQL */ `
  query Lookups($organization: ID!, $project: ID!, $donation: ID!, $session: ID!, $creditCode: String!, $unknown: ID!) {
    organization(id: $organization) {
      ...OrganizationFields
      projects(first: 10) {
        totalCount
        nodes {
          id
          name
        }
      }
    }
    byCode: organization(creditCode: $creditCode) {
      id
      creditCode
    }
    missing: organization(id: $unknown) {
      id
    }
    project(id: $project) {
      ...ProjectFields
    }
    donation(id: $donation) {
      ...DonationFields
    }
    trainingSession(id: $session) {
      ...SessionFields
    }
  }
  ${[REGION, PROVENANCE, ORGANIZATION, PROJECT, DONATION, SESSION].join('\n')}
`;

/**
 * Connections asked for nothing of their rows: page info alone aggregates nothing, so each must
 * still be one object (one row), also when the page is empty; found by the random queries.
 */
const NOTHING_OF_THE_ROWS = /* GraphQL */ `
  query NothingOfTheRows($search: String) {
    forward: organizations(first: 2, filter: { search: $search }) {
      pageInfo {
        hasPreviousPage
      }
    }
    backward: organizations(last: 2, filter: { search: $search }) {
      pageInfo {
        __typename
        hasNextPage
      }
    }
    cursors: organizations(first: 2, filter: { search: $search }) {
      pageInfo {
        startCursor
        endCursor
      }
    }
    counted: organizations(first: 2, filter: { search: $search }) {
      totalCount
    }
    organizations(first: 3) {
      nodes {
        projects(first: 2, filter: { search: $search }) {
          pageInfo {
            hasPreviousPage
          }
        }
        donationsGiven(first: 1) {
          totalCount
        }
        trainingSessions(last: 1) {
          __typename
        }
      }
    }
  }
`;

/** A compiled list beside a field only resolvers answer: the list in one statement, the summary by its resolver. */
const LIST_BESIDE_SUMMARY = /* GraphQL */ `
  query ListBesideSummary($donor: ID!) {
    donations(first: 20, orderBy: { field: TOTAL, direction: DESC }) {
      totalCount
      nodes {
        id
        total {
          value
        }
        donor {
          name
        }
      }
    }
    donationSummary(filter: { donorId: $donor }) {
      donationCount
      total {
        value
      }
    }
  }
`;

/** Root fields of both kinds through aliases, fragments on the root and directives, in an order that interleaves them. */
const INTERLEAVED = /* GraphQL */ `
  query Interleaved($withStats: Boolean!, $donor: ID!) {
    first: organizations(first: 2, orderBy: { field: NAME }) {
      nodes {
        name
      }
    }
    ...Summaries
    ... @include(if: $withStats) {
      stats: donationStats(groupBy: DONOR_TYPE) {
        key
        donationCount
      }
    }
    node(id: $donor) {
      id
      ... on Organization {
        name
        donationSummary(direction: GIVEN) {
          donationCount
        }
      }
    }
    __typename
    last: projects(first: 2) @skip(if: false) {
      totalCount
    }
  }
  fragment Summaries on Query {
    all: donationSummary {
      donationCount
    }
  }
`;

/** Fields only resolvers answer inside compiled lists, on every level, under edges too. */
const HANDED_OFF = /* GraphQL */ `
  query HandedOff {
    organizations(first: 5, orderBy: { field: NAME }) {
      nodes {
        name
        given: donationSummary(direction: GIVEN) {
          donationCount
          total {
            value
          }
        }
        donationSummary {
          donationCount
        }
        projects(first: 2) {
          edges {
            node {
              name
              donationSummary {
                donationCount
              }
              donations(first: 2) {
                nodes {
                  id
                  disbursements {
                    amount {
                      value
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
`;

/**
 * Handed-off fields that fail: non-null, so each error nulls the nearest nullable place above it,
 * the donation looked up, each donation's project, or (all non-null up to the root) `data`.
 */
const HANDOFF_FAILS = {
  lookup: /* GraphQL */ `
    query HandoffFailsInLookup($donation: ID!) {
      donation(id: $donation) {
        id
        history(first: 500) {
          totalCount
        }
      }
      donations(first: 1) {
        totalCount
      }
    }
  `,
  reference: /* GraphQL */ `
    query HandoffFailsInReference {
      donations(first: 30, filter: { provenance: [SYNTHETIC] }) {
        nodes {
          id
          project {
            name
            history(first: 500) {
              totalCount
            }
          }
        }
      }
    }
  `,
  list: /* GraphQL */ `
    query HandoffFailsInList {
      donations(first: 2) {
        nodes {
          id
          history(first: 500) {
            totalCount
          }
        }
      }
    }
  `,
};

/** A root field only resolvers answer fails beside compiled ones; it is non-null, so `data` is null. */
const ROOT_FAILS = /* GraphQL */ `
  query RootFails {
    organizations(first: 2) {
      nodes {
        name
      }
    }
    nodes(ids: ["not-an-id"]) {
      id
    }
    donationStats(groupBy: DONOR_TYPE, first: 500) {
      key
    }
  }
`;

/** Look-ups by global ID of several types, with one of a type the graph does not show and one absent. */
const NODES = /* GraphQL */ `
  query Nodes($ids: [ID!]!, $one: ID!) {
    nodes(ids: $ids) {
      __typename
      id
      ... on Organization {
        name
        projects(first: 2) {
          nodes {
            name
          }
        }
      }
      ... on Donation {
        total {
          value
        }
        donor {
          name
        }
      }
      ... on Project {
        name
        donationSummary {
          donationCount
        }
      }
    }
    one: node(id: $one) {
      id
    }
  }
`;

const INTROSPECTION_ALONE = /* GraphQL */ `
  {
    __schema {
      queryType {
        name
      }
    }
    __type(name: "Date") {
      name
      description
    }
  }
`;

const INTROSPECTION_BESIDE_LIST = /* GraphQL */ `
  {
    organizations(first: 2) {
      nodes {
        name
      }
    }
    __type(name: "Organization") {
      name
    }
    missing: __type(name: "NoSuchType") {
      name
    }
  }
`;

describe('queries answered by one SQL statement', () => {
  let db: TestDatabase;
  let compiled: TestServer;
  let resolved: TestServer;
  const options = {
    queryLimits: { maxNodes: 200_000 },
    access: { tierBudgets: { ...DEFAULT_TIER_BUDGETS, ANONYMOUS: 1_000_000 } },
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    compiled = await serveTestDatabase(db, { ...options, compiledReads: true });
    resolved = await serveTestDatabase(db, { ...options, compiledReads: false });
  });
  afterAll(async () => {
    await compiled?.close();
    await resolved?.close();
    await db?.drop();
  });

  /** Both servers' answers, and how many statements the compiled one sent. */
  async function both(query: string, variables?: Record<string, unknown>) {
    const before = db.database.statementCount();
    const fromSql = await compiled.query(query, variables);
    const statements = db.database.statementCount() - before;
    const fromResolvers = await resolved.query(query, variables);
    return { fromSql, fromResolvers, statements };
  }

  it('every field of every type, under every list, answers as the resolvers do, in one statement', async () => {
    const { fromSql, fromResolvers, statements } = await both(EVERYTHING);
    expect(fromResolvers.body.errors).toBeUndefined();
    expect(fromSql.body).toEqual(fromResolvers.body);
    expect(statements).toBe(1);
    // the demo data holds every kind of value, so a field answered wrongly would show
    const text = JSON.stringify(fromSql.body.data);
    const shows = (fragment: string) => [fragment, text.includes(fragment)];
    const kinds = [
      '"source":{',
      '"cash":{',
      '"budget":{',
      '"spent":{',
      '"parent":{',
      '"target":"',
      '"organizer":{',
      '"donor":{',
    ];
    const nulls = ['"source":null', '"cash":null', '"region":null', '"hasNextPage":false'];
    expect(Object.fromEntries([...kinds, ...nulls].map(shows))).toEqual(
      Object.fromEntries([...kinds, ...nulls].map((f) => [f, true])),
    );
  });

  it('filters and orders of every list, through variables, answer as the resolvers do', async () => {
    const variables = { region: '110000', types: ['FOUNDATION', 'SOCIAL_SERVICE_AGENCY'], search: '基金会' };
    const { fromSql, fromResolvers, statements } = await both(FILTERED, variables);
    expect(fromResolvers.body.errors).toBeUndefined();
    expect(fromSql.body).toEqual(fromResolvers.body);
    expect(statements).toBe(1);
    expect(fromSql.body.data.byRegion.totalCount).toBeGreaterThan(0);
    expect(fromSql.body.data.named.totalCount).toBeGreaterThan(0);
  });

  it('@skip, @include, aliases and merged fields answer as the resolvers do', async () => {
    for (const variables of [
      { withName: true, skipProjects: false },
      { withName: false, skipProjects: true },
    ]) {
      const { fromSql, fromResolvers, statements } = await both(DIRECTIVES, variables);
      expect(fromResolvers.body.errors).toBeUndefined();
      expect(fromSql.body).toEqual(fromResolvers.body);
      expect(statements).toBe(1);
    }
  });

  it('pages forward and backward through cursors as the resolvers do, and the cursors are interchangeable', async () => {
    const walks = [{ first: 7 }, { last: 7 }];
    for (const start of walks) {
      let variables: Record<string, unknown> = start;
      for (let page = 0; page < 4; page += 1) {
        const { fromSql, fromResolvers, statements } = await both(PAGE, variables);
        expect(fromResolvers.body.errors).toBeUndefined();
        expect(fromSql.body).toEqual(fromResolvers.body);
        expect(statements).toBe(1);
        const edges = await both(PAGE_EDGES, variables);
        expect(edges.fromSql.body).toEqual(edges.fromResolvers.body);
        expect(edges.fromSql.body.data.organizations.edges).toHaveLength(7);
        const info = fromSql.body.data.organizations.pageInfo;
        variables = 'first' in start ? { first: 7, after: info.endCursor } : { last: 7, before: info.startCursor };
      }
    }
  });

  it('looks up each type by id and an organization by credit code; an unknown id is null', async () => {
    const { body } = await resolved.query(/* GraphQL */ `
      query Ids {
        organizations(first: 1, filter: { provenance: [REPORTED] }) {
          nodes {
            id
          }
        }
        withCode: organizations(first: 50) {
          nodes {
            creditCode
          }
        }
        projects(first: 1) {
          nodes {
            id
          }
        }
        donations(first: 1) {
          nodes {
            id
          }
        }
        trainingSessions(first: 1) {
          nodes {
            id
          }
        }
      }
    `);
    const variables = {
      organization: body.data.organizations.nodes[0].id,
      creditCode: body.data.withCode.nodes.find((o: any) => o.creditCode).creditCode,
      project: body.data.projects.nodes[0].id,
      donation: body.data.donations.nodes[0].id,
      session: body.data.trainingSessions.nodes[0].id,
      unknown: Buffer.from('Organization:00000000-0000-4000-8000-000000000000').toString('base64url'),
    };
    const { fromSql, fromResolvers, statements } = await both(LOOKUPS, variables);
    expect(fromResolvers.body.errors).toBeUndefined();
    expect(fromSql.body).toEqual(fromResolvers.body);
    expect(statements).toBe(1);
    expect(fromSql.body.data.missing).toBeNull();
    expect(fromSql.body.data.byCode.creditCode).toBe(variables.creditCode);
  });

  it('answers a connection asked only for page info or its count with one object, also for an empty page', async () => {
    for (const search of [null, 'no name holds this']) {
      const { fromSql, fromResolvers, statements } = await both(NOTHING_OF_THE_ROWS, { search });
      expect(fromResolvers.body.errors).toBeUndefined();
      expect(fromSql.body).toEqual(fromResolvers.body);
      expect(statements).toBe(1);
    }
  });

  it('leaves a page info or edge field SQL does not know to resolvers rather than answer it wrongly', async () => {
    const extended = buildSchema(
      `${loadTypeDefs()}\nextend type PageInfo { pageCount: Int }\nextend type OrganizationEdge { rank: Int }`,
    );
    const regions = await RegionDirectory.load(db.database.db);
    for (const query of [
      '{ organizations(first: 2) { pageInfo { hasNextPage pageCount } } }',
      '{ organizations(first: 2) { edges { cursor rank } } }',
    ]) {
      const document = parse(query);
      const operation = document.definitions[0] as OperationDefinitionNode;
      const compiled = compileOperation(sqlSchema, extended, operation, {}, {}, regions);
      expect(compiled.statement).toBeNull();
      expect(compiled.roots.map((r) => [r.responseKey, r.compiled])).toEqual([['organizations', false]]);
    }
  });

  /** IDs of the data, for look-ups: the first organization that gave a donation, and that donation. */
  async function someIds() {
    const { body } = await resolved.query(/* GraphQL */ `
      query SomeIds {
        donations(first: 1, filter: { provenance: [REPORTED] }) {
          nodes {
            id
            donor {
              id
            }
            project {
              id
            }
          }
        }
      }
    `);
    const donation = body.data.donations.nodes[0];
    return { donation: donation.id as string, donor: donation.donor.id as string };
  }

  it('answers a compiled list beside donationSummary with 2 statements, as the resolvers do', async () => {
    const { donor } = await someIds();
    const { fromSql, fromResolvers, statements } = await both(LIST_BESIDE_SUMMARY, { donor });
    expect(fromResolvers.body.errors).toBeUndefined();
    expect(fromSql.body).toEqual(fromResolvers.body);
    expect(fromSql.body.data.donationSummary.donationCount).toBeGreaterThan(0);
    expect(statements).toBe(2);
  });

  it('merges compiled and executed root fields in the order asked, through aliases, root fragments and directives', async () => {
    const { donor } = await someIds();
    for (const withStats of [true, false]) {
      const { fromSql, fromResolvers } = await both(INTERLEAVED, { withStats, donor });
      expect(fromResolvers.body.errors).toBeUndefined();
      expect(fromSql.body).toEqual(fromResolvers.body);
      expect(Object.keys(fromSql.body.data)).toEqual(Object.keys(fromResolvers.body.data));
    }
  });

  it('answers introspection (__schema, __type) alone and beside a compiled list, as the resolvers do', async () => {
    for (const query of [INTROSPECTION_ALONE, INTROSPECTION_BESIDE_LIST]) {
      const { fromSql, fromResolvers } = await both(query);
      expect(fromResolvers.body.errors).toBeUndefined();
      expect(fromSql.body).toEqual(fromResolvers.body);
    }
  });

  it('hands fields only resolvers answer the rows the statement read, and their loaders batch', async () => {
    const { fromSql, fromResolvers, statements } = await both(HANDED_OFF);
    expect(fromResolvers.body.errors).toBeUndefined();
    expect(fromSql.body).toEqual(fromResolvers.body);
    // the statement, then one batch per loader: summaries given, received and by project, disbursements
    expect(statements).toBeLessThanOrEqual(5);
  });

  it('reports a failed handed-off field at its path and nulls the nearest nullable place, as execution does', async () => {
    const { donation } = await someIds();
    const lookup = await both(HANDOFF_FAILS.lookup, { donation });
    expect(lookup.fromSql.body).toEqual(lookup.fromResolvers.body);
    expect(lookup.fromSql.body.data.donation).toBeNull();
    expect(lookup.fromSql.body.errors!.map((e: any) => e.path)).toEqual([['donation', 'history']]);

    // each failure is confined to its donation's project, in whichever order the loads finish
    const reference = await both(HANDOFF_FAILS.reference);
    const paths = (body: any) => body.errors!.map((e: any) => e.path.join('.')).sort();
    expect(reference.fromSql.body.data).toEqual(reference.fromResolvers.body.data);
    expect(paths(reference.fromSql.body)).toEqual(paths(reference.fromResolvers.body));
    expect(paths(reference.fromSql.body).length).toBeGreaterThan(1);
    expect(reference.fromSql.body.data.donations.nodes.map((d: any) => d.project)).toEqual(
      reference.fromSql.body.data.donations.nodes.map(() => null),
    );

    // execution stops completing a list once one item's failure nulls it: one error, and no data
    const list = await both(HANDOFF_FAILS.list);
    expect(list.fromSql.body).toEqual(list.fromResolvers.body);
    expect(list.fromSql.body.data).toBeNull();
    expect(list.fromSql.body.errors!.map((e: any) => e.path)).toEqual([['donations', 'nodes', 0, 'history']]);
  });

  it('a failed executed root field beside compiled ones answers as the resolvers do', async () => {
    const { fromSql, fromResolvers } = await both(ROOT_FAILS);
    expect(fromSql.body).toEqual(fromResolvers.body);
    // `nodes` is non-null and fails first: execution stops there, and data is null
    expect(fromSql.body.data).toBeNull();
    expect(fromSql.body.errors!.map((e: any) => e.extensions.argument)).toEqual(['ids[0]']);
  });

  it('looks up nodes of several types by global ID in one statement, in the order given', async () => {
    const { body } = await resolved.query(/* GraphQL */ `
      query Ids {
        organizations(first: 20) {
          nodes {
            id
          }
        }
        projects(first: 15) {
          nodes {
            id
          }
        }
        donations(first: 15) {
          nodes {
            id
          }
        }
      }
    `);
    const ids = [
      ...body.data.organizations.nodes.map((n: any) => n.id),
      ...body.data.donations.nodes.map((n: any) => n.id),
      Buffer.from('Organization:00000000-0000-4000-8000-000000000000').toString('base64url'),
      Buffer.from('ApiKey:00000000-0000-4000-8000-000000000000').toString('base64url'),
      ...body.data.projects.nodes.map((n: any) => n.id),
    ].reverse();
    expect(ids).toHaveLength(52);
    const { fromSql, fromResolvers, statements } = await both(NODES, { ids, one: ids[0] });
    expect(fromResolvers.body.errors).toBeUndefined();
    expect(fromSql.body).toEqual(fromResolvers.body);
    // the statement, and the projects' donation summaries
    expect(statements).toBe(2);
  });

  it('a mixed operation sends no more statements than its compiled part and its executed part alone', async () => {
    const { donor } = await someIds();
    const count = async (query: string) => (await both(query, { donor })).statements;
    const mixed = await count(LIST_BESIDE_SUMMARY);
    const listAlone = await count(
      LIST_BESIDE_SUMMARY.replace(/donationSummary[\s\S]*$/, '}').replace('($donor: ID!)', ''),
    );
    const summaryAlone = await count(
      `query SummaryAlone($donor: ID!) { ${LIST_BESIDE_SUMMARY.slice(LIST_BESIDE_SUMMARY.indexOf('donationSummary'))}`,
    );
    expect(mixed).toBeLessThanOrEqual(listAlone + summaryAlone);
  });

  it('leaves bad arguments to execution, which names them as it always did', async () => {
    for (const variables of [{ first: 500 }, { first: 5, after: 'not-a-cursor' }, { first: 5, last: 5 }]) {
      const { fromSql, fromResolvers } = await both(PAGE, variables);
      expect(fromSql.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      expect(fromSql.body).toEqual(fromResolvers.body);
    }
  });

  it('sends no statement when a non-null root field is refused for its arguments, as its error nulls the data', async () => {
    const refusedFirst = /* GraphQL */ `
      query ($after: String) {
        organizations(first: 5, after: $after) {
          totalCount
        }
        projects(first: 2) {
          totalCount
        }
      }
    `;
    const before = db.database.statementCount();
    const fromResolvers = await resolved.query(refusedFirst, { after: 'not-a-cursor' });
    const byResolvers = db.database.statementCount() - before;
    const { fromSql, statements } = await both(refusedFirst, { after: 'not-a-cursor' });
    expect(fromSql.body).toEqual(fromResolvers.body);
    expect(fromSql.body).toMatchObject({ data: null, errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
    expect({ statements, byResolvers }).toEqual({ statements: 0, byResolvers: 0 });
    // the same document with arguments it accepts is one statement
    expect((await both(refusedFirst, { after: null })).statements).toBe(1);
  });

  it('writes text JSON must escape (quotes, backslashes, control characters) as the resolvers do', async () => {
    const { donation, donor } = await someIds();
    const name = 'A "quoted" \\ back\\slash\nline\ttab\u0001 and 公益 🌱';
    await db.database.executeSql('update organizations set name = $1 where id = $2', [name, parseGlobalId(donor)!.id]);
    await db.database.executeSql('update donations set donor_name = $1, note = $2 where id = $3', [
      name,
      `${name} note`,
      parseGlobalId(donation)!.id,
    ]);
    const ESCAPED = /* GraphQL */ `
      query Escaped($donor: ID!, $donation: ID!) {
        organization(id: $donor) {
          name
        }
        donation(id: $donation) {
          donorName
          note
        }
      }
    `;
    const { fromSql, fromResolvers, statements } = await both(ESCAPED, { donor, donation });
    expect(fromSql.body).toEqual(fromResolvers.body);
    expect(statements).toBe(1);
    expect(fromSql.body.data).toEqual({
      organization: { name },
      donation: { donorName: name, note: `${name} note` },
    });
  });

  it('sends one statement for the nested shape however large the pages', async () => {
    const NESTED = /* GraphQL */ `
      query Nested($n: Int!) {
        organizations(first: $n) {
          nodes {
            name
            projects(first: $n) {
              nodes {
                name
                donations(first: $n) {
                  nodes {
                    total {
                      value
                    }
                  }
                }
              }
            }
          }
        }
      }
    `;
    for (const n of [2, 20]) {
      const { fromSql, fromResolvers, statements } = await both(NESTED, { n });
      expect(fromSql.body).toEqual(fromResolvers.body);
      expect(statements).toBe(1);
    }
  });
});
