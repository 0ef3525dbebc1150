import { DEFAULT_TIER_BUDGETS } from '../../../src/modules/access/tiers';
import { startTestServer, type TestServer } from '../../support/server';

const NAMES = /* GraphQL */ `
  query Names {
    organizations(first: 3) {
      nodes {
        __typename
        name
      }
    }
  }
`;

const NESTED = /* GraphQL */ `
  query Nested {
    organizations(first: 3, orderBy: { field: NAME }) {
      nodes {
        id
        name
        projects(first: 2) {
          nodes {
            id
            name
            donations(first: 2) {
              nodes {
                id
                pledgedOn
                donorName
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

const RESOLVER_COLUMNS = /* GraphQL */ `
  query ResolverColumns {
    projects(first: 3) {
      edges {
        node {
          region {
            code
          }
          organization {
            name
          }
        }
      }
      nodes {
        ... on Project {
          provenance {
            kind
          }
        }
      }
    }
  }
`;

const SIBLINGS = /* GraphQL */ `
  query Siblings {
    organizations(first: 10, filter: { provenance: [SYNTHETIC] }) {
      nodes {
        named: projects(first: 3) {
          nodes {
            id
            name
          }
        }
        costed: projects(first: 3) {
          nodes {
            id
            budget {
              value
              currency
            }
          }
        }
      }
    }
  }
`;

const ORGANIZATION_FIELDS = /* GraphQL */ `
  fragment OrganizationFields on Organization {
    id
    name
    type
    registrationStatus
    creditCode
    region {
      code
    }
    foundedOn
    serviceAreas
    targetGroups
    evaluationGrade
    industry
    incubator {
      id
    }
    provenance {
      kind
      source {
        url
      }
    }
    createdAt
    updatedAt
    projects(first: 2) {
      totalCount
      nodes {
        id
      }
    }
    donationsGiven(first: 2) {
      nodes {
        id
      }
    }
    donationsReceived(first: 2) {
      nodes {
        id
      }
    }
    trainingSessions(first: 2) {
      nodes {
        id
      }
    }
    governanceMetrics(first: 2) {
      nodes {
        id
      }
    }
    donationSummary {
      donationCount
    }
  }
`;

const PROJECT_FIELDS = /* GraphQL */ `
  fragment ProjectFields on Project {
    id
    name
    title: name
    organization {
      id
    }
    category
    fundingChannel
    status
    region {
      code
    }
    startsOn
    endsOn
    budget {
      value
      currency
    }
    beneficiaryCount
    targetGroups
    provenance {
      kind
      source {
        url
      }
    }
    createdAt
    updatedAt
    donations(first: 2) {
      nodes {
        id
      }
    }
    reports(first: 2) {
      nodes {
        id
      }
    }
    donationSummary {
      donationCount
    }
  }
`;

const DONATION_FIELDS = /* GraphQL */ `
  fragment DonationFields on Donation {
    id
    donor {
      id
    }
    donorName
    recipient {
      id
    }
    project {
      id
    }
    purpose
    status
    pledgedOn
    deliveredOn
    total {
      value
      currency
    }
    amount: total {
      value
    }
    cash {
      value
      currency
    }
    inKind {
      value
      currency
    }
    inKindDescription
    delivered {
      value
      currency
    }
    disbursements {
      amount {
        value
      }
    }
    provenance {
      kind
      source {
        url
      }
    }
    createdAt
    updatedAt
  }
`;

const PROJECT_REPORT_FIELDS = /* GraphQL */ `
  fragment ProjectReportFields on ProjectReport {
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
    }
    provenance {
      kind
      source {
        url
      }
    }
    createdAt
    updatedAt
  }
`;

const TRAINING_SESSION_FIELDS = /* GraphQL */ `
  fragment TrainingSessionFields on TrainingSession {
    id
    title
    organizer {
      id
    }
    format
    audiences
    topics
    region {
      code
    }
    startsOn
    endsOn
    participantCount
    provenance {
      kind
      source {
        url
      }
    }
    createdAt
    updatedAt
  }
`;

const GOVERNANCE_METRIC_FIELDS = /* GraphQL */ `
  fragment GovernanceMetricFields on GovernanceMetric {
    id
    indicator {
      code
    }
    scope
    organization {
      id
    }
    region {
      code
    }
    periodStart
    periodEnd
    value
    valueQualifier
    target
    provenance {
      kind
      source {
        url
      }
    }
    createdAt
    updatedAt
  }
`;

/** Every field of every paged type, from root lists and child lists, through fragments, inline fragments and edges. */
const LISTS = /* GraphQL */ `
  query Lists {
    organizations(first: 40) {
      nodes {
        ...OrganizationFields
      }
    }
    community: organizations(first: 60, filter: { types: [COMMUNITY_ORGANIZATION] }) {
      nodes {
        ...OrganizationFields
      }
    }
    reported: organizations(first: 20, filter: { provenance: [REPORTED] }) {
      edges {
        node {
          ... on Organization {
            ...OrganizationFields
          }
        }
      }
    }
    projects(first: 30) {
      edges {
        node {
          ...ProjectFields
        }
      }
      nodes {
        reports(first: 3) {
          nodes {
            ...ProjectReportFields
          }
        }
        donations(first: 3) {
          nodes {
            ... {
              ...DonationFields
            }
          }
        }
      }
    }
    donations(first: 40, orderBy: { field: TOTAL, direction: DESC }) {
      nodes {
        ...DonationFields
      }
    }
    withProjects: organizations(first: 15, filter: { provenance: [SYNTHETIC] }) {
      nodes {
        projects(first: 3) {
          nodes {
            ...ProjectFields
          }
        }
        donationsReceived(first: 3) {
          nodes {
            ...DonationFields
          }
        }
        trainingSessions(first: 3) {
          nodes {
            ...TrainingSessionFields
          }
        }
        governanceMetrics(first: 3) {
          nodes {
            ...GovernanceMetricFields
          }
        }
      }
    }
    trainingSessions(first: 20) {
      nodes {
        ...TrainingSessionFields
      }
    }
    governanceMetrics(first: 20, filter: { scopes: [REGION] }) {
      nodes {
        ...GovernanceMetricFields
      }
    }
  }
  ${ORGANIZATION_FIELDS}
  ${PROJECT_FIELDS}
  ${DONATION_FIELDS}
  ${PROJECT_REPORT_FIELDS}
  ${TRAINING_SESSION_FIELDS}
  ${GOVERNANCE_METRIC_FIELDS}
`;

const byIdWith = (fragment: string) => /* GraphQL */ `
  query ById($ids: [ID!]!) {
    nodes(ids: $ids) {
      ...${/fragment (\w+)/.exec(fragment)![1]}
    }
  }
  ${fragment}
`;

/** Per type, the same fields of nodes loaded by id, whose rows are read whole. */
const BY_ID = {
  organizations: byIdWith(ORGANIZATION_FIELDS),
  projects: byIdWith(PROJECT_FIELDS),
  donations: byIdWith(DONATION_FIELDS),
  reports: byIdWith(PROJECT_REPORT_FIELDS),
  trainingSessions: byIdWith(TRAINING_SESSION_FIELDS),
  governanceMetrics: byIdWith(GOVERNANCE_METRIC_FIELDS),
};

const BY_ID_SIBLINGS = /* GraphQL */ `
  query ByIdSiblings($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on Project {
        id
        name
        budget {
          value
          currency
        }
      }
    }
  }
`;

/** The columns each page statement selects of its table, by table: the select list before the sort key. */
function selectLists(statements: string[]): Record<string, string[][]> {
  const lists: Record<string, string[][]> = {};
  for (const text of statements) {
    const match = /select ([^()]*?), \(.*?\)::text as _sort_key from "(\w+)"/s.exec(text);
    if (!match) continue;
    const columns = match[1]!.split(', ').map((c) => /^"\w+"\."(\w+)"$/.exec(c)?.[1] ?? c);
    (lists[match[2]!] ??= []).push(columns);
  }
  return lists;
}

describe('a list selects only the columns its fields read', () => {
  let t: TestServer;
  beforeAll(async () => {
    // the lists that resolvers read; the same documents compiled to one statement select no list on its own
    t = await startTestServer({
      compiledReads: false,
      queryLimits: { maxNodes: 200_000 },
      access: { tierBudgets: { ...DEFAULT_TIER_BUDGETS, ANONYMOUS: 100_000 } },
    });
  });
  afterAll(() => t.close());

  async function statementsOf(query: string): Promise<{ data: any; statements: string[] }> {
    const statements: string[] = [];
    const stop = t.database.watchStatements((text) => statements.push(text));
    try {
      const { body } = await t.query(query);
      expect(body.errors).toBeUndefined();
      return { data: body.data, statements };
    } finally {
      stop();
    }
  }

  /** The nodes of `ids` loaded by id, in id order, 100 at a time. */
  async function byId(query: string, ids: string[]): Promise<unknown[]> {
    const found: unknown[] = [];
    for (let i = 0; i < ids.length; i += 100) {
      const { body } = await t.query(query, { ids: ids.slice(i, i + 100) });
      expect(body.errors).toBeUndefined();
      found.push(...body.data.nodes);
    }
    return found;
  }

  it('organizations { nodes { name } } selects the id and the name, and nothing else', async () => {
    const { data, statements } = await statementsOf(NAMES);
    expect(data.organizations.nodes).toHaveLength(3);
    expect(selectLists(statements)).toEqual({ organizations: [['id', 'name']] });
  });

  it('each level of a nested list selects its own fields, money with its currency', async () => {
    const { statements } = await statementsOf(NESTED);
    expect(selectLists(statements)).toEqual({
      organizations: [['id', 'name']],
      projects: [['id', 'name']],
      donations: [['id', 'donor_name', 'pledged_on', 'currency', 'total']],
    });
  });

  it('a field resolved from other columns selects those: region its code, organization its key, provenance its pair', async () => {
    const { data, statements } = await statementsOf(RESOLVER_COLUMNS);
    expect(data.projects.edges.every((e: any) => e.node.organization.name)).toBe(true);
    expect(selectLists(statements)['projects']).toEqual([
      ['id', 'organization_id', 'region_code', 'provenance_kind', 'source_id'],
    ]);
  });

  it('two selections of one child list with different fields each get the columns they read', async () => {
    const { data, statements } = await statementsOf(SIBLINGS);
    expect(selectLists(statements)['projects']).toEqual(
      expect.arrayContaining([
        ['id', 'name'],
        ['id', 'budget'],
      ]),
    );
    const orgs: any[] = data.organizations.nodes;
    const ids = orgs.flatMap((o) => o.named.nodes.map((p: any) => p.id));
    expect(ids.length).toBeGreaterThan(10);
    const projects = new Map((await byId(BY_ID_SIBLINGS, ids)).map((p: any) => [p.id, p]));
    for (const o of orgs) {
      expect(o.costed.nodes.map((p: any) => p.id)).toEqual(o.named.nodes.map((p: any) => p.id));
      expect(o.named.nodes).toEqual(o.named.nodes.map((p: any) => ({ id: p.id, name: projects.get(p.id).name })));
      expect(o.costed.nodes).toEqual(o.costed.nodes.map((p: any) => ({ id: p.id, budget: projects.get(p.id).budget })));
    }
  });

  it('every field of every paged type answers from a list as it does from a whole row loaded by id', async () => {
    const { data } = await statementsOf(LISTS);
    const listed: Record<keyof typeof BY_ID, Array<{ id: string }>> = {
      organizations: [
        ...data.organizations.nodes,
        ...data.community.nodes,
        ...data.reported.edges.map((e: any) => e.node),
      ],
      projects: [
        ...data.projects.edges.map((e: any) => e.node),
        ...data.withProjects.nodes.flatMap((o: any) => o.projects.nodes),
      ],
      donations: [
        ...data.projects.nodes.flatMap((p: any) => p.donations.nodes),
        ...data.donations.nodes,
        ...data.withProjects.nodes.flatMap((o: any) => o.donationsReceived.nodes),
      ],
      reports: data.projects.nodes.flatMap((p: any) => p.reports.nodes),
      trainingSessions: [
        ...data.withProjects.nodes.flatMap((o: any) => o.trainingSessions.nodes),
        ...data.trainingSessions.nodes,
      ],
      governanceMetrics: [
        ...data.withProjects.nodes.flatMap((o: any) => o.governanceMetrics.nodes),
        ...data.governanceMetrics.nodes,
      ],
    };
    for (const [type, nodes] of Object.entries(listed) as Array<[keyof typeof BY_ID, Array<{ id: string }>]>) {
      expect(nodes.length).toBeGreaterThan(5);
      expect(nodes).toEqual(
        await byId(
          BY_ID[type],
          nodes.map((n) => n.id),
        ),
      );
    }
    // the lists hold every kind of value the columns can, so a column left out would show
    const somewhere = (pick: (n: any) => unknown) =>
      Object.values(listed).some((ns) => ns.some((n) => pick(n) != null));
    expect(somewhere((n) => n.incubator)).toBe(true);
    expect(somewhere((n) => n.evaluationGrade)).toBe(true);
    expect(somewhere((n) => n.provenance?.source)).toBe(true);
    expect(somewhere((n) => n.cash)).toBe(true);
    expect(somewhere((n) => n.donor)).toBe(true);
    expect(somewhere((n) => n.budget)).toBe(true);
    expect(somewhere((n) => n.spent)).toBe(true);
    expect(somewhere((n) => n.organizer)).toBe(true);
    expect(somewhere((n) => n.target)).toBe(true);
  });
});
