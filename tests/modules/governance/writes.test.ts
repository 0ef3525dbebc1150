import { sql } from 'drizzle-orm';
import { rows } from '../../../src/db/client';
import { startTestServer, type TestServer } from '../../support/server';
import { createWriters, type Writers } from '../../support/writers';

const RECORD_METRIC = /* GraphQL */ `
  mutation RecordMetric($input: RecordGovernanceMetricInput!) {
    recordGovernanceMetric(input: $input) {
      __typename
      ... on RecordGovernanceMetricSuccess {
        metric {
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
          version
          provenance {
            kind
          }
          history(first: 5) {
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

describe('governance metrics: organizations report their own, staff the national and regional ones', () => {
  let server: TestServer;
  let writers: Writers;

  beforeAll(async () => {
    server = await startTestServer();
    writers = await createWriters(server.database.db);
  });
  afterAll(() => server.close());

  const metricCount = async () =>
    (await rows<{ n: number }>(server.database.db, sql`select count(*)::int as n from governance_metrics`))[0]!.n;

  const national = {
    indicatorCode: 'information_disclosure',
    scope: 'NATIONAL',
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    target: '0.9500',
  };

  it('a partner records a metric of its own organization, exactly as given', async () => {
    const { grantee } = writers;
    const response = await server.query(
      RECORD_METRIC,
      {
        input: {
          indicatorCode: 'information_disclosure',
          scope: 'ORGANIZATION',
          organizationId: grantee.id,
          periodStart: '2026-01-01',
          periodEnd: '2026-06-30',
          value: '0.8333333333',
          valueQualifier: 'APPROXIMATE',
        },
      },
      grantee.key.headers,
    );
    const metric = response.body.data.recordGovernanceMetric.metric;
    expect(response.body.data.recordGovernanceMetric).toEqual({
      __typename: 'RecordGovernanceMetricSuccess',
      metric: {
        id: metric.id,
        indicator: { code: 'information_disclosure' },
        scope: 'ORGANIZATION',
        organization: { id: grantee.id },
        region: null,
        periodStart: '2026-01-01',
        periodEnd: '2026-06-30',
        value: '0.8333333333',
        valueQualifier: 'APPROXIMATE',
        target: null,
        version: 1,
        provenance: { kind: 'SUBMITTED' },
        history: {
          nodes: [
            {
              version: 1,
              action: 'CREATED',
              actor: { name: 'grantee key' },
              changes: [
                { field: 'indicator', before: null, after: 'information_disclosure' },
                { field: 'organization', before: null, after: grantee.id },
                { field: 'periodEnd', before: null, after: '2026-06-30' },
                { field: 'periodStart', before: null, after: '2026-01-01' },
                { field: 'scope', before: null, after: 'ORGANIZATION' },
                { field: 'value', before: null, after: '0.8333333333' },
                { field: 'valueQualifier', before: null, after: 'APPROXIMATE' },
              ],
            },
          ],
        },
      },
    });
  });

  it('a NATIONAL metric by a PARTNER key is refused with FORBIDDEN_RECORD on input.scope and writes nothing', async () => {
    const before = await metricCount();
    const response = await server.query(RECORD_METRIC, { input: national }, writers.foundation.key.headers);
    expect(response.body).toEqual({
      data: {
        recordGovernanceMetric: {
          __typename: 'UserError',
          code: 'FORBIDDEN_RECORD',
          field: 'input.scope',
          message: 'NATIONAL metrics are written by INTERNAL keys only',
        },
      },
    });
    expect(await metricCount()).toBe(before);
  });

  it('a NATIONAL metric by an INTERNAL key is accepted', async () => {
    const before = await metricCount();
    const response = await server.query(RECORD_METRIC, { input: national }, writers.internal.headers);
    expect(response.body.data.recordGovernanceMetric).toMatchObject({
      __typename: 'RecordGovernanceMetricSuccess',
      metric: {
        scope: 'NATIONAL',
        organization: null,
        region: null,
        value: null,
        target: '0.9500',
        valueQualifier: 'EXACT',
        version: 1,
      },
    });
    expect(await metricCount()).toBe(before + 1);
  });

  it('a REGION metric by an INTERNAL key names a known region', async () => {
    const region = { ...national, scope: 'REGION', regionCode: '110000' };
    const accepted = await server.query(RECORD_METRIC, { input: region }, writers.internal.headers);
    expect(accepted.body.data.recordGovernanceMetric.metric.region).toEqual({ code: '110000' });
    const refused = await server.query(
      RECORD_METRIC,
      { input: { ...region, regionCode: '999999' } },
      writers.internal.headers,
    );
    expect(refused.body.data.recordGovernanceMetric).toEqual({
      __typename: 'UserError',
      code: 'INVALID',
      field: 'input.regionCode',
      message: 'is not a known GB/T 2260 region: 999999',
    });
  });

  it.each([
    [
      'another organization',
      { organizationId: () => writers.other.id },
      'FORBIDDEN_RECORD',
      'input.organizationId',
      "names a record of another organization than the key's",
    ],
    [
      'an unknown indicator',
      { indicatorCode: 'no_such_indicator' },
      'NOT_FOUND',
      'input.indicatorCode',
      'no indicator has this code',
    ],
    [
      'no organization',
      { organizationId: null },
      'INVALID',
      'input.organizationId',
      'is required for ORGANIZATION scope',
    ],
    ['a region too', { regionCode: '110000' }, 'INVALID', 'input.regionCode', 'must be omitted for ORGANIZATION scope'],
    ['neither value nor target', { value: null }, 'INVALID', 'input.value', 'give value, target or both'],
    [
      'a reversed period',
      { periodEnd: '2025-12-31' },
      'INVALID',
      'input.periodEnd',
      'must not be before 2026-01-01, got 2025-12-31',
    ],
  ])('an ORGANIZATION metric with %s is refused, naming the field', async (_what, change, code, field, message) => {
    const before = await metricCount();
    const input: Record<string, unknown> = {
      indicatorCode: 'has_charter',
      scope: 'ORGANIZATION',
      organizationId: writers.grantee.id,
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      value: '1',
      ...change,
    };
    // another organization's ID exists only once the writers are made
    if (typeof input['organizationId'] === 'function')
      input['organizationId'] = (input['organizationId'] as () => string)();
    const response = await server.query(RECORD_METRIC, { input }, writers.grantee.key.headers);
    expect(response.body.data.recordGovernanceMetric).toEqual({ __typename: 'UserError', code, field, message });
    expect(await metricCount()).toBe(before);
  });

  it.each([
    ['a DEVELOPER key', () => writers.developer.headers],
    ['an anonymous caller', () => ({})],
  ])('%s is refused with FORBIDDEN and writes nothing', async (_who, headers) => {
    const before = await metricCount();
    const response = await server.query(RECORD_METRIC, { input: national }, headers());
    expect(response.body.data).toBeNull();
    expect(response.body.errors!.map((e) => e.extensions!['code'])).toEqual(['FORBIDDEN']);
    expect(await metricCount()).toBe(before);
  });
});
