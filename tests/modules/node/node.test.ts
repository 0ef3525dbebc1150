import { startTestServer, type TestServer } from '../../support/server';

const SAMPLES = /* GraphQL */ `
  query Samples {
    organizations(first: 1, filter: { provenance: [REPORTED] }) {
      nodes {
        id
        name
      }
    }
    projects(first: 1) {
      nodes {
        id
        name
        reports(first: 1) {
          nodes {
            id
            summary
          }
        }
      }
    }
    donations(first: 1) {
      nodes {
        id
        donorName
      }
    }
    trainingSessions(first: 1) {
      nodes {
        id
        title
      }
    }
    governanceMetrics(first: 1) {
      nodes {
        id
        value
        target
      }
    }
  }
`;

const NODES = /* GraphQL */ `
  query Nodes($ids: [ID!]!) {
    nodes(ids: $ids) {
      __typename
      id
      ... on Organization {
        name
      }
      ... on Project {
        name
      }
      ... on ProjectReport {
        summary
      }
      ... on Donation {
        donorName
      }
      ... on TrainingSession {
        title
      }
      ... on GovernanceMetric {
        value
        target
      }
    }
  }
`;

const NODE = /* GraphQL */ `
  query Node($id: ID!) {
    node(id: $id) {
      id
      ... on Organization {
        name
      }
    }
  }
`;

describe('global IDs', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  it('resolve every object type through nodes(ids:), in the order asked, with null for an unknown one', async () => {
    const { body } = await t.query(SAMPLES);
    const d = body.data;
    const org = d.organizations.nodes[0];
    const project = d.projects.nodes[0];
    const report = project.reports.nodes[0];
    const donation = d.donations.nodes[0];
    const session = d.trainingSessions.nodes[0];
    const metric = d.governanceMetrics.nodes[0];
    const unknown = Buffer.from('Donation:00000000-0000-4000-8000-000000000000').toString('base64url');
    const ids = [metric.id, org.id, project.id, unknown, report.id, donation.id, session.id];
    const result = await t.query(NODES, { ids });
    expect(result.body).toEqual({
      data: {
        nodes: [
          { __typename: 'GovernanceMetric', id: metric.id, value: metric.value, target: metric.target },
          { __typename: 'Organization', id: org.id, name: org.name },
          { __typename: 'Project', id: project.id, name: project.name },
          null,
          { __typename: 'ProjectReport', id: report.id, summary: report.summary },
          { __typename: 'Donation', id: donation.id, donorName: donation.donorName },
          { __typename: 'TrainingSession', id: session.id, title: session.title },
        ],
      },
    });
  });

  it('are stable: the same record has the same ID in every request', async () => {
    const first = (await t.query(SAMPLES)).body.data.organizations.nodes[0];
    const again = await t.query(NODE, { id: first.id });
    expect(again.body).toEqual({ data: { node: first } });
  });
});
