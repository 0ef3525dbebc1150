import { reportedOrganizationId } from '../../../src/db/seed/load-reported';
import { toGlobalId } from '../../../src/modules/node/global-id';
import { serveTestDatabase, startTestServer, type TestServer } from '../../support/server';

const SOURCES = /* GraphQL */ `
  query Sources {
    sources {
      id
      title
      publishedBy
      publisher
      author
      publishedOn
      url
      supports {
        organizations
        projects
        donations
        trainingSessions
        governanceMetrics
      }
    }
  }
`;

const SOURCE_NODE = /* GraphQL */ `
  query SourceNode($id: ID!) {
    node(id: $id) {
      __typename
      ... on Source {
        title
      }
    }
  }
`;

const TELECOM = /* GraphQL */ `
  query Telecom($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on Organization {
        name
        industry
        industryBasis
        isBranch
        legalPerson {
          name
          isBranch
        }
      }
    }
  }
`;

const TELECOM_IDS = {
  ids: ['china-telecom', 'china-telecom-anhui'].map((key) => toGlobalId('Organization', reportedOrganizationId(key))),
};

const INDUSTRIES = /* GraphQL */ `
  query Industries {
    organizations(filter: { provenance: [REPORTED], types: [ENTERPRISE] }, first: 100) {
      nodes {
        name
        industry
        industryBasis
      }
    }
  }
`;

describe('sources', () => {
  let t: TestServer;
  let resolversAlone: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
    resolversAlone = await serveTestDatabase(t, { compiledReads: false });
  });
  afterAll(async () => {
    await resolversAlone.close();
    await t.close();
  });

  it('lists the eight articles newest first, with what each supports and no publisher they do not name', async () => {
    const { body } = await t.query(SOURCES);
    expect(
      body.data.sources.map((s: any) => [s.publishedOn, s.publishedBy, s.publisher, s.author, s.supports]),
    ).toEqual([
      ['2020-12-08', '公益时报', '公益时报', '王勇', support({ organizations: 1 })],
      ['2020-12-07', '民政部门户网站', '民政部门户网站', null, support({ projects: 8, governanceMetrics: 1 })],
      [
        '2020-12-01',
        '公益时报',
        '公益时报',
        null,
        support({ organizations: 30, projects: 1, donations: 21, governanceMetrics: 24 }),
      ],
      ['2020-11-30', '公益时报', '公益时报', null, support({ organizations: 1, projects: 1 })],
      ['2020-11-27', null, '未注明', null, support({ organizations: 9, donations: 1, governanceMetrics: 11 })],
      ['2020-11-25', '敦和基金会', '敦和基金会', null, support({ organizations: 3, governanceMetrics: 1 })],
      ['2020-11-23', null, '未注明', null, support({ governanceMetrics: 12 })],
      ['2020-11-19', null, '未注明', '詹成付', support({ governanceMetrics: 23 })],
    ]);
  });

  it('resolves a source by its global ID', async () => {
    const { body } = await t.query(SOURCES);
    const [first] = body.data.sources;
    expect((await t.query(SOURCE_NODE, { id: first.id })).body).toEqual({
      data: { node: { __typename: 'Source', title: first.title } },
    });
  });

  it('says that China Telecom’s Anhui branch is not a legal person, and that its IT industry is reported', async () => {
    const { body } = await t.query(TELECOM, TELECOM_IDS);
    expect(body.data.nodes).toEqual([
      { name: '中国电信股份有限公司', industry: null, industryBasis: null, isBranch: false, legalPerson: null },
      {
        name: '中国电信股份有限公司安徽分公司',
        industry: 'I',
        industryBasis: 'REPORTED',
        isBranch: true,
        legalPerson: { name: '中国电信股份有限公司', isBranch: false },
      },
    ]);
  });

  it('marks every industry the donations article does not state as inferred', async () => {
    const { body } = await t.query(INDUSTRIES);
    const basis = (b: string | null) =>
      body.data.organizations.nodes.filter((o: any) => o.industryBasis === b).map((o: any) => o.industry);
    expect(basis('REPORTED')).toEqual(Array(8).fill('I'));
    expect(basis('INFERRED').length).toBe(16);
    expect(basis(null)).toEqual(Array(basis(null).length).fill(null));
  });

  it('answers alike with one SQL statement and with resolvers alone', async () => {
    for (const [query, variables] of [[SOURCES], [TELECOM, TELECOM_IDS], [INDUSTRIES]] as const) {
      expect((await resolversAlone.query(query, variables)).body).toEqual((await t.query(query, variables)).body);
    }
  });
});

function support(counts: Partial<Record<string, number>>) {
  return { organizations: 0, projects: 0, donations: 0, trainingSessions: 0, governanceMetrics: 0, ...counts };
}
