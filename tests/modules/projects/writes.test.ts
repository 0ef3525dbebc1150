import { sql } from 'drizzle-orm';
import { rows } from '../../../src/db/client';
import { toGlobalId } from '../../../src/modules/node/global-id';
import { startTestServer, type TestServer } from '../../support/server';
import { createWriters, type Writers } from '../../support/writers';

const SUBMIT_REPORT = /* GraphQL */ `
  mutation SubmitReport($input: SubmitProjectReportInput!) {
    submitProjectReport(input: $input) {
      __typename
      ... on SubmitProjectReportSuccess {
        report {
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
          version
          provenance {
            kind
            source {
              publisher
            }
          }
          history(first: 10) {
            nodes {
              version
              action
              actor {
                name
              }
              changes {
                field
                before
                after
              }
            }
          }
        }
      }
      ... on UserError {
        code
        field
        message
      }
    }
  }
`;

const UPSERT_PROJECT = /* GraphQL */ `
  mutation UpsertProject($input: UpsertProjectInput!) {
    upsertProject(input: $input) {
      __typename
      ... on UpsertProjectSuccess {
        created
        project {
          id
          name
          status
          region {
            code
          }
          budget {
            value
          }
          version
          provenance {
            kind
          }
        }
      }
      ... on UserError {
        code
        field
        message
      }
    }
  }
`;

const PROJECT_HISTORY = /* GraphQL */ `
  query ProjectHistory($id: ID!) {
    project(id: $id) {
      version
      history(first: 10) {
        nodes {
          version
          action
          reason
          actor {
            name
            organization {
              name
            }
          }
          changes {
            field
            before
            after
          }
        }
      }
    }
  }
`;

describe('project reports and projects are written by their own organization', () => {
  let server: TestServer;
  let writers: Writers;

  beforeAll(async () => {
    server = await startTestServer();
    writers = await createWriters(server.database.db);
  });
  afterAll(() => server.close());

  const reportCount = async () =>
    (await rows<{ n: number }>(server.database.db, sql`select count(*)::int as n from project_reports`))[0]!.n;
  const projectCount = async () =>
    (await rows<{ n: number }>(server.database.db, sql`select count(*)::int as n from projects`))[0]!.n;

  const report = (projectId: string) => ({
    projectId,
    periodStart: '2026-01-01',
    periodEnd: '2026-03-31',
    summary: '  第一季度：开展课后辅导 40 次  ',
    peopleReached: 120,
    spent: '15000.5',
  });

  it("the grantee's own PARTNER key submits a report on its project", async () => {
    const { grantee } = writers;
    const before = await reportCount();
    const response = await server.query(SUBMIT_REPORT, { input: report(grantee.projectId) }, grantee.key.headers);
    const written = response.body.data.submitProjectReport;
    expect(response.body.errors).toBeUndefined();
    expect(written).toEqual({
      __typename: 'SubmitProjectReportSuccess',
      report: {
        id: written.report.id,
        project: { id: grantee.projectId },
        periodStart: '2026-01-01',
        periodEnd: '2026-03-31',
        summary: '第一季度：开展课后辅导 40 次',
        beneficiariesReached: 120,
        spent: { value: '15000.50' },
        version: 1,
        provenance: { kind: 'SUBMITTED', source: { publisher: grantee.name } },
        history: {
          nodes: [
            {
              version: 1,
              action: 'CREATED',
              actor: { name: 'grantee key' },
              changes: [
                { field: 'beneficiariesReached', before: null, after: '120' },
                { field: 'periodEnd', before: null, after: '2026-03-31' },
                { field: 'periodStart', before: null, after: '2026-01-01' },
                { field: 'project', before: null, after: grantee.projectId },
                { field: 'spent', before: null, after: '15000.50' },
                { field: 'summary', before: null, after: '第一季度：开展课后辅导 40 次' },
              ],
            },
          ],
        },
      },
    });
    expect(await reportCount()).toBe(before + 1);
  });

  it("the funder's key is refused with FORBIDDEN_RECORD on input.projectId and writes nothing", async () => {
    const before = await reportCount();
    const response = await server.query(
      SUBMIT_REPORT,
      { input: report(writers.grantee.projectId) },
      writers.foundation.key.headers,
    );
    expect(response.body).toEqual({
      data: {
        submitProjectReport: {
          __typename: 'UserError',
          code: 'FORBIDDEN_RECORD',
          field: 'input.projectId',
          message: "names a record of another organization than the key's",
        },
      },
    });
    expect(await reportCount()).toBe(before);
  });

  it.each([
    ['a DEVELOPER key', () => writers.developer.headers],
    ['an anonymous caller', () => ({})],
  ])('%s is refused with FORBIDDEN and writes nothing', async (_who, headers) => {
    const before = await reportCount();
    const response = await server.query(SUBMIT_REPORT, { input: report(writers.grantee.projectId) }, headers());
    expect(response.body.data).toBeNull();
    expect(response.body.errors!.map((e) => [e.path, e.extensions!['code']])).toEqual([
      [['submitProjectReport'], 'FORBIDDEN'],
    ]);
    expect(await reportCount()).toBe(before);
  });

  it("a partner naming another organization's project or organization is refused", async () => {
    const { grantee, other } = writers;
    const reports = await reportCount();
    const projects = await projectCount();
    const onOthers = await server.query(SUBMIT_REPORT, { input: report(other.projectId) }, grantee.key.headers);
    expect(onOthers.body.data.submitProjectReport).toMatchObject({
      __typename: 'UserError',
      code: 'FORBIDDEN_RECORD',
      field: 'input.projectId',
    });
    const forOthers = await server.query(
      UPSERT_PROJECT,
      {
        input: {
          organizationId: other.id,
          name: '冒名项目',
          category: 'OTHER',
          fundingChannel: 'OTHER',
          status: 'PLANNED',
        },
      },
      grantee.key.headers,
    );
    expect(forOthers.body.data.upsertProject).toMatchObject({
      __typename: 'UserError',
      code: 'FORBIDDEN_RECORD',
      field: 'input.organizationId',
    });
    const othersProject = await server.query(
      UPSERT_PROJECT,
      {
        input: {
          id: other.projectId,
          organizationId: grantee.id,
          name: '改名',
          category: 'OTHER',
          fundingChannel: 'OTHER',
          status: 'ACTIVE',
        },
      },
      grantee.key.headers,
    );
    expect(othersProject.body.data.upsertProject).toMatchObject({
      __typename: 'UserError',
      code: 'FORBIDDEN_RECORD',
      field: 'input.id',
    });
    expect([await reportCount(), await projectCount()]).toEqual([reports, projects]);
  });

  it.each([
    [
      'a reversed period',
      { periodStart: '2026-04-01', periodEnd: '2026-03-31' },
      'input.periodEnd',
      'must not be before 2026-04-01, got 2026-03-31',
    ],
    ['negative spending', { spent: '-1.00' }, 'input.spent', 'must not be negative, got -1.00'],
    ['negative people', { peopleReached: -3 }, 'input.peopleReached', 'must be a whole number of at least 0, got -3'],
    ['an empty summary', { summary: '   ' }, 'input.summary', 'must be 1–10,000 characters, got 0'],
    [
      'a donation ID as the project',
      { projectId: toGlobalId('Donation', '00000000-0000-4000-8000-000000000000') },
      'input.projectId',
      expect.any(String),
    ],
  ])('a report with %s is an INVALID UserError naming the field', async (_what, change, field, message) => {
    const before = await reportCount();
    const response = await server.query(
      SUBMIT_REPORT,
      { input: { ...report(writers.grantee.projectId), ...change } },
      writers.grantee.key.headers,
    );
    expect(response.body.data.submitProjectReport).toEqual({
      __typename: 'UserError',
      code: 'INVALID',
      field,
      message,
    });
    expect(await reportCount()).toBe(before);
  });

  it('upsertProject creates, updates, refuses a stale expectedVersion, and history shows each change', async () => {
    const { grantee } = writers;
    const fields = {
      organizationId: grantee.id,
      name: '社区儿童之家',
      category: 'NEIGHBOURHOOD_CARE',
      fundingChannel: 'SOCIAL_SUPPORT',
      status: 'PLANNED',
      regionCode: '110000',
      startsOn: '2026-01-01',
      budget: '50000',
    };
    const created = await server.query(UPSERT_PROJECT, { input: fields }, grantee.key.headers);
    const id = created.body.data.upsertProject.project.id;
    expect(created.body.data.upsertProject).toEqual({
      __typename: 'UpsertProjectSuccess',
      created: true,
      project: {
        id,
        name: '社区儿童之家',
        status: 'PLANNED',
        region: { code: '110000' },
        budget: { value: '50000.00' },
        version: 1,
        provenance: { kind: 'SUBMITTED' },
      },
    });

    const updated = await server.query(
      UPSERT_PROJECT,
      { input: { ...fields, id, expectedVersion: 1, reason: '项目启动', status: 'ACTIVE', budget: '60000.00' } },
      grantee.key.headers,
    );
    expect(updated.body.data.upsertProject).toEqual({
      __typename: 'UpsertProjectSuccess',
      created: false,
      project: {
        id,
        name: '社区儿童之家',
        status: 'ACTIVE',
        region: { code: '110000' },
        budget: { value: '60000.00' },
        version: 2,
        provenance: { kind: 'SUBMITTED' },
      },
    });

    const stale = await server.query(
      UPSERT_PROJECT,
      { input: { ...fields, id, expectedVersion: 1, status: 'SUSPENDED' } },
      grantee.key.headers,
    );
    expect(stale.body.data.upsertProject).toEqual({
      __typename: 'UserError',
      code: 'VERSION_CONFLICT',
      field: 'input.expectedVersion',
      message: 'the record is at version 2, not 1; read it again and retry',
    });

    const moved = await server.query(
      UPSERT_PROJECT,
      { input: { ...fields, id, organizationId: writers.foundation.id } },
      grantee.key.headers,
    );
    expect(moved.body.data.upsertProject).toEqual({
      __typename: 'UserError',
      code: 'INVALID',
      field: 'input.organizationId',
      message: 'a project never moves to another organization; give its own',
    });

    const history = await server.query(PROJECT_HISTORY, { id });
    const actor = { name: 'grantee key', organization: { name: grantee.name } };
    expect(history.body.data.project).toEqual({
      version: 2,
      history: {
        nodes: [
          {
            version: 1,
            action: 'CREATED',
            reason: null,
            actor,
            changes: [
              { field: 'budget', before: null, after: '50000.00' },
              { field: 'category', before: null, after: 'NEIGHBOURHOOD_CARE' },
              { field: 'fundingChannel', before: null, after: 'SOCIAL_SUPPORT' },
              { field: 'name', before: null, after: '社区儿童之家' },
              { field: 'organization', before: null, after: grantee.id },
              { field: 'region', before: null, after: '110000' },
              { field: 'startsOn', before: null, after: '2026-01-01' },
              { field: 'status', before: null, after: 'PLANNED' },
              { field: 'targetGroups', before: null, after: '[]' },
            ],
          },
          {
            version: 2,
            action: 'UPDATED',
            reason: '项目启动',
            actor,
            changes: [
              { field: 'budget', before: '50000.00', after: '60000.00' },
              { field: 'status', before: 'PLANNED', after: 'ACTIVE' },
            ],
          },
        ],
      },
    });
  });

  it.each([
    ['an unknown region', { regionCode: '999999' }, 'input.regionCode', 'is not a known GB/T 2260 region: 999999'],
    ['a malformed region', { regionCode: '11' }, 'input.regionCode', 'must be a six-digit GB/T 2260 code, got "11"'],
    [
      'a reversed period',
      { startsOn: '2026-05-01', endsOn: '2026-04-30' },
      'input.endsOn',
      'must not be before 2026-05-01, got 2026-04-30',
    ],
    ['a negative budget', { budget: '-5' }, 'input.budget', 'must not be negative, got -5'],
  ])('a project with %s is an INVALID UserError naming the field', async (_what, change, field, message) => {
    const before = await projectCount();
    const response = await server.query(
      UPSERT_PROJECT,
      {
        input: {
          organizationId: writers.grantee.id,
          name: '测试项目',
          category: 'OTHER',
          fundingChannel: 'OTHER',
          status: 'PLANNED',
          ...change,
        },
      },
      writers.grantee.key.headers,
    );
    expect(response.body.data.upsertProject).toEqual({ __typename: 'UserError', code: 'INVALID', field, message });
    expect(await projectCount()).toBe(before);
  });
});
