import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { compileOperation, NotCompilable } from '../../../src/modules/compiled-reads/compile';
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

/** Asks for a field only resolvers answer, so it runs as it always did. */
const MIXED = /* GraphQL */ `
  query Mixed {
    organizations(first: 3) {
      nodes {
        name
        donationSummary {
          donationCount
          total {
            value
          }
        }
      }
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
      expect(() => compileOperation(sqlSchema, extended, operation, {}, {}, regions)).toThrow(NotCompilable);
    }
  });

  it('leaves an operation with a field only resolvers answer to them', async () => {
    const { fromSql, fromResolvers, statements } = await both(MIXED);
    expect(fromResolvers.body.errors).toBeUndefined();
    expect(fromSql.body).toEqual(fromResolvers.body);
    expect(statements).toBeGreaterThan(1);
  });

  it('leaves bad arguments to execution, which names them as it always did', async () => {
    for (const variables of [{ first: 500 }, { first: 5, after: 'not-a-cursor' }, { first: 5, last: 5 }]) {
      const { fromSql, fromResolvers } = await both(PAGE, variables);
      expect(fromSql.body.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      expect(fromSql.body).toEqual(fromResolvers.body);
    }
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
