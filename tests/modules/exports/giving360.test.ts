import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { sql } from 'drizzle-orm';
import { rows } from '../../../src/db/client';
import { toGlobalId } from '../../../src/modules/node/global-id';
import { startTestServer, type TestServer } from '../../support/server';
import { createTestKey, type TestKey } from '../../support/keys';

const STANDARD = path.join(__dirname, '../../../../shared/standards/360giving');

const START_EXPORT = /* GraphQL */ `
  mutation StartExport($input: StartExportInput!) {
    startExport(input: $input) {
      __typename
      ... on StartExportSuccess {
        export {
          id
        }
      }
    }
  }
`;

const EXPORT = /* GraphQL */ `
  query Export($id: ID!) {
    node(id: $id) {
      ... on Export {
        status
        rowCount
        url
      }
    }
  }
`;

const COVID_DONATIONS = /* GraphQL */ `
  query CovidDonations($filter: DonationFilter) {
    donations(filter: $filter, first: 100) {
      totalCount
      nodes {
        id
        donorName
        total {
          value
        }
        donor {
          id
          creditCode
        }
      }
    }
  }
`;

const COVID = { purpose: 'EPIDEMIC_RESPONSE', provenance: ['REPORTED'] };

/** The 360Giving package validator; the grant schema under its own 1.4.3 `$id` and the 1.4.2 URL the package refers to it by. */
function packageValidator() {
  // both name their dialect as `http://…/2020-12/schema`, which ajv knows as `https://…`: Ajv2020 is that dialect
  const read = (name: string) => {
    const { $schema: _dialect, ...schema } = JSON.parse(readFileSync(path.join(STANDARD, name), 'utf8'));
    return schema;
  };
  const grant = read('360-giving-schema.json');
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(grant);
  ajv.addSchema({ ...grant, $id: grant.$id.replace('/1.4.3/', '/1.4.2/') });
  return ajv.compile(read('360-giving-package-schema.json'));
}

describe('360Giving exports', () => {
  let t: TestServer;
  let key: TestKey;
  let exportDir: string;

  beforeAll(async () => {
    exportDir = mkdtempSync(path.join(tmpdir(), 'gongyi-360giving-test-'));
    t = await startTestServer({ exportDir });
    key = await createTestKey(t.database.db, { name: 'grant system', tier: 'DEVELOPER' });
  });

  afterAll(async () => {
    await t?.close();
    rmSync(exportDir, { recursive: true, force: true });
  });

  async function finished(id: string): Promise<{ status: string; rowCount: number; url: string }> {
    let state = { status: 'QUEUED', rowCount: 0, url: '' };
    for (let i = 0; i < 200 && !['SUCCEEDED', 'FAILED'].includes(state.status); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      state = (await t.query(EXPORT, { id }, key.headers)).body.data.node;
    }
    return state;
  }

  async function exportedText(filter: Record<string, unknown>): Promise<string> {
    const input = { entity: 'DONATIONS', format: 'GIVING360_JSON', filter };
    const started = await t.query(START_EXPORT, { input }, key.headers);
    const state = await finished(started.body.data.startExport.export.id);
    return (await fetch(`${t.origin}${state.url}`, { headers: key.headers })).text();
  }

  test('the COVID-19 donations export as a 360Giving package that validates with 0 errors', async () => {
    const started = await t.query(
      START_EXPORT,
      { input: { entity: 'DONATIONS', format: 'GIVING360_JSON', filter: { donations: COVID } } },
      key.headers,
    );
    const state = await finished(started.body.data.startExport.export.id);
    expect(state.status).toBe('SUCCEEDED');
    const response = await fetch(`${t.origin}${state.url}`, { headers: key.headers });
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const text = await response.text();
    const data = JSON.parse(text);

    const validate = packageValidator();
    expect(validate(data) ? [] : validate.errors).toEqual([]);

    const list = (await t.query(COVID_DONATIONS, { filter: COVID })).body.data.donations;
    expect(data.grants.length).toBe(list.totalCount);
    expect(state.rowCount).toBe(list.totalCount);
    // amounts are the exact decimals, written as JSON numbers: the file's text holds them digit for digit
    for (const d of list.nodes) expect(text).toContain(`"amountAwarded":${d.total.value},`);
    // donors are identified by their credit code where they have one, else by their global ID, and
    // a donor known only by name (Botswana's supplies) by a digest of that name
    const funders = data.grants.map((g: any) => g.fundingOrganization[0].id).sort();
    const expected = list.nodes.map((d: any) =>
      d.donor === null
        ? `XI-GONGYI-NAME-${createHash('md5').update(d.donorName).digest('hex')}`
        : d.donor.creditCode
          ? `CN-USCI-${d.donor.creditCode}`
          : `XI-GONGYI-${d.donor.id}`,
    );
    expect(list.nodes.some((d: any) => d.donor === null)).toBe(true);
    expect(funders).toEqual(expected.sort());
    // no COVID-19 gift reports its recipient: each says so rather than guessing
    for (const grant of data.grants) {
      expect(grant.recipientOrganization).toEqual([
        { id: 'XI-GONGYI-RECIPIENT-NOT-REPORTED', name: '受赠方未公开 (recipient not reported)' },
      ]);
    }
  });

  test('an organization with a credit code is identified by it, as org-id.guide lists it (CN-USCI)', async () => {
    const [donor] = await rows<{ id: string; credit_code: string }>(
      t.database.db,
      sql`select o.id, o.credit_code from organizations o join donations d on d.donor_id = o.id
          where o.credit_code is not null order by o.id limit 1`,
    );
    const donorId = toGlobalId('Organization', donor!.id);
    const data = JSON.parse(await exportedText({ donations: { donorId } }));
    expect(data.grants.length).toBeGreaterThan(0);
    for (const grant of data.grants) {
      expect(grant.fundingOrganization[0].id).toBe(`CN-USCI-${donor!.credit_code}`);
    }
    const validate = packageValidator();
    expect(validate(data) ? [] : validate.errors).toEqual([]);
  });
});
