import { sql } from 'drizzle-orm';
import { rows } from '../../../src/db/client';
import { fen, yuanOf } from '../../../src/modules/money/yuan';
import { startTestServer, type TestServer } from '../../support/server';
import { createWriters, type Writers } from '../../support/writers';

const RECORD = /* GraphQL */ `
  mutation Record($input: RecordDonationInput!) {
    recordDonation(input: $input) {
      __typename
      ... on RecordDonationSuccess {
        donation {
          id
          version
          status
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

const DISBURSE = /* GraphQL */ `
  mutation Disburse($input: RecordDisbursementInput!) {
    recordDisbursement(input: $input) {
      __typename
      ... on RecordDisbursementSuccess {
        donation {
          status
          version
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

const CORRECT = /* GraphQL */ `
  mutation Correct($input: CorrectDonationInput!) {
    correctDonation(input: $input) {
      __typename
      ... on CorrectDonationSuccess {
        donation {
          version
          total {
            value
          }
          cash {
            value
          }
          inKind {
            value
          }
          status
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

const CANCEL = /* GraphQL */ `
  mutation Cancel($input: CancelDonationInput!) {
    cancelDonation(input: $input) {
      __typename
      ... on CancelDonationSuccess {
        donation {
          version
          status
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

const VERIFY = /* GraphQL */ `
  mutation Verify($input: VerifyDonationInput!) {
    verifyDonation(input: $input) {
      __typename
      ... on VerifyDonationSuccess {
        donation {
          version
          status
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

const HISTORY = /* GraphQL */ `
  query History($id: ID!) {
    donation(id: $id) {
      version
      history {
        nodes {
          version
          action
          reason
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

const AUDIT = /* GraphQL */ `
  query Audit($filter: AuditLogFilter) {
    auditLog(filter: $filter, first: 10) {
      nodes {
        entity
        action
        reason
        actor {
          name
          organization {
            id
          }
        }
        record {
          __typename
          ... on Donation {
            status
          }
        }
      }
    }
  }
`;

const SUMMARY = /* GraphQL */ `
  query Summary($filter: DonationFilter) {
    donationSummary(filter: $filter) {
      donationCount
      total {
        value
      }
      delivered {
        value
      }
    }
    donationStats(groupBy: DONOR, filter: $filter) {
      key
      donationCount
      total {
        value
      }
    }
  }
`;

describe('donation writes', () => {
  let server: TestServer;
  let writers: Writers;
  let grant: (note: string, extra?: Record<string, unknown>) => { input: Record<string, unknown> };

  beforeAll(async () => {
    server = await startTestServer();
    writers = await createWriters(server.database.db);
    grant = (note, extra = {}) => ({
      input: {
        donorId: writers.foundation.id,
        recipientId: writers.grantee.id,
        projectId: writers.grantee.projectId,
        purpose: 'POVERTY_ALLEVIATION',
        pledgedOn: '2026-01-10',
        total: '1000.00',
        note,
        ...extra,
      },
    });
  });
  afterAll(() => server.close());

  const written = async (note: string) =>
    (
      await rows<{ n: number }>(server.database.db, sql`select count(*)::int as n from donations where note = ${note}`)
    )[0]!.n;
  const record = async (note: string, extra?: Record<string, unknown>) =>
    (await server.query(RECORD, grant(note, extra), writers.foundation.key.headers)).body.data.recordDonation;

  it('anonymous callers and DEVELOPER keys are FORBIDDEN and write nothing', async () => {
    const anonymous = await server.query(RECORD, grant('by anonymous'));
    const developer = await server.query(RECORD, grant('by developer'), writers.developer.headers);
    expect(anonymous.body.errors?.map((e) => e.extensions?.['code'])).toEqual(['FORBIDDEN']);
    expect(developer.body.errors?.map((e) => e.extensions?.['code'])).toEqual(['FORBIDDEN']);
    expect(await written('by anonymous')).toBe(0);
    expect(await written('by developer')).toBe(0);
  });

  it("a partner naming another organization's donor, donation or project is refused and writes nothing", async () => {
    const asGrantee = await server.query(RECORD, grant('foreign donor'), writers.grantee.key.headers);
    expect(asGrantee.body.data.recordDonation).toEqual({
      __typename: 'UserError',
      code: 'FORBIDDEN_RECORD',
      field: 'input.donorId',
      message: "names a record of another organization than the key's",
    });
    const wrongProject = await record('foreign project', { projectId: writers.other.projectId });
    expect(wrongProject).toEqual({
      __typename: 'UserError',
      code: 'INVALID',
      field: 'input.projectId',
      message: 'is not a project of the recipient',
    });
    const donation = (await record('mine')).donation;
    const disbursedByOther = await server.query(
      DISBURSE,
      { input: { donationId: donation.id, amount: '1', paidOn: '2026-02-01' } },
      writers.other.key.headers,
    );
    expect(disbursedByOther.body.data.recordDisbursement).toMatchObject({
      code: 'FORBIDDEN_RECORD',
      field: 'input.donationId',
    });
    const cancelledByOther = await server.query(
      CANCEL,
      { input: { id: donation.id, expectedVersion: 1, reason: 'not mine' } },
      writers.other.key.headers,
    );
    expect(cancelledByOther.body.data.cancelDonation).toMatchObject({ code: 'FORBIDDEN_RECORD', field: 'input.id' });
    expect(await written('foreign donor')).toBe(0);
    expect(await written('foreign project')).toBe(0);
    const [state] = await rows<{ delivered: string; status: string; version: number }>(
      server.database.db,
      sql`select delivered::text, status::text, version from donations where note = 'mine'`,
    );
    expect(state).toEqual({ delivered: '0.00', status: 'PLEDGED', version: 1 });
  });

  it('a rule the database enforces, broken by an input, is a UserError naming the field', async () => {
    expect(await record('split', { total: '100', cash: '60', inKind: '30' })).toEqual({
      __typename: 'UserError',
      code: 'INVALID',
      field: 'input.total',
      message: 'must equal cash + inKind (90.00), got 100.00',
    });
    expect(await record('fen', { total: '1.001' })).toMatchObject({ code: 'INVALID', field: 'input.total' });
    expect(await record('half split', { cash: '1000' })).toMatchObject({ code: 'INVALID', field: 'input.inKind' });
    const donation = (await record('early tranche')).donation;
    const early = await server.query(
      DISBURSE,
      { input: { donationId: donation.id, amount: '10', paidOn: '2025-12-31' } },
      writers.foundation.key.headers,
    );
    expect(early.body.data.recordDisbursement).toEqual({
      __typename: 'UserError',
      code: 'INVALID',
      field: 'input.paidOn',
      message: 'must not be before the pledge on 2026-01-10, got 2025-12-31',
    });
  });

  it('a stale expectedVersion is VERSION_CONFLICT; history keeps each version before and after', async () => {
    const donation = (await record('to correct', { total: '1000', cash: '1000', inKind: '0' })).donation;
    const corrected = await server.query(
      CORRECT,
      { input: { id: donation.id, expectedVersion: 1, reason: '物资另计', cash: '800', inKind: '200' } },
      writers.foundation.key.headers,
    );
    expect(corrected.body.data.correctDonation).toEqual({
      __typename: 'CorrectDonationSuccess',
      donation: {
        version: 2,
        total: { value: '1000.00' },
        cash: { value: '800.00' },
        inKind: { value: '200.00' },
        status: 'PLEDGED',
      },
    });
    const stale = await server.query(
      CANCEL,
      { input: { id: donation.id, expectedVersion: 1, reason: 'withdrawn' } },
      writers.foundation.key.headers,
    );
    expect(stale.body.data.cancelDonation).toEqual({
      __typename: 'UserError',
      code: 'VERSION_CONFLICT',
      field: 'input.expectedVersion',
      message: 'the record is at version 2, not 1; read it again and retry',
    });
    const cancelled = await server.query(
      CANCEL,
      { input: { id: donation.id, expectedVersion: 2, reason: 'withdrawn' } },
      writers.foundation.key.headers,
    );
    expect(cancelled.body.data.cancelDonation).toEqual({
      __typename: 'CancelDonationSuccess',
      donation: { version: 3, status: 'CANCELLED' },
    });
    const history = await server.query(HISTORY, { id: donation.id });
    expect(history.body.data.donation.history.nodes.slice(1)).toEqual([
      {
        version: 2,
        action: 'CORRECTED',
        reason: '物资另计',
        changes: [
          { field: 'cash', before: '1000.00', after: '800.00' },
          { field: 'inKind', before: '0.00', after: '200.00' },
        ],
      },
      {
        version: 3,
        action: 'CANCELLED',
        reason: 'withdrawn',
        changes: [{ field: 'status', before: 'PLEDGED', after: 'CANCELLED' }],
      },
    ]);
    const afterCancel = await server.query(
      DISBURSE,
      { input: { donationId: donation.id, amount: '1', paidOn: '2026-02-01' } },
      writers.foundation.key.headers,
    );
    expect(afterCancel.body.data.recordDisbursement).toMatchObject({ code: 'INVALID', field: 'input.donationId' });
  });

  it('a correction the database refuses (pledged after it was delivered) is a UserError on the field', async () => {
    const donation = (await record('delivered early', { total: '10' })).donation;
    await server.query(
      DISBURSE,
      { input: { donationId: donation.id, amount: '10', paidOn: '2026-01-20' } },
      writers.foundation.key.headers,
    );
    const late = await server.query(
      CORRECT,
      { input: { id: donation.id, expectedVersion: 2, reason: '日期有误', pledgedOn: '2026-02-01' } },
      writers.foundation.key.headers,
    );
    expect(late.body.data.correctDonation).toEqual({
      __typename: 'UserError',
      code: 'INVALID',
      field: 'input.pledgedOn',
      message: 'must not be after the day it was delivered',
    });
    expect((await server.query(HISTORY, { id: donation.id })).body.data.donation.version).toBe(2);
  });

  it('the audit log is for INTERNAL keys, and names who changed what', async () => {
    const partner = await server.query(AUDIT, { filter: { actions: ['CANCELLED'] } }, writers.foundation.key.headers);
    expect(partner.body.errors?.map((e) => e.extensions?.['code'])).toEqual(['FORBIDDEN']);
    const staff = await server.query(AUDIT, { filter: { actions: ['CANCELLED'] } }, writers.internal.headers);
    expect(staff.body.data.auditLog.nodes).toEqual([
      {
        entity: 'DONATION',
        action: 'CANCELLED',
        reason: 'withdrawn',
        actor: { name: 'foundation key', organization: { id: writers.foundation.id } },
        record: { __typename: 'Donation', status: 'CANCELLED' },
      },
    ]);
  });

  it('only INTERNAL keys verify, and only a delivered donation', async () => {
    const donation = (await record('to verify', { total: '50' })).donation;
    const byPartner = await server.query(VERIFY, { input: { id: donation.id } }, writers.foundation.key.headers);
    expect(byPartner.body.errors?.map((e) => e.extensions?.['code'])).toEqual(['FORBIDDEN']);
    const early = await server.query(VERIFY, { input: { id: donation.id } }, writers.internal.headers);
    expect(early.body.data.verifyDonation).toMatchObject({ code: 'INVALID', field: 'input.id' });
    await server.query(
      DISBURSE,
      { input: { donationId: donation.id, amount: '50', paidOn: '2026-02-01' } },
      writers.foundation.key.headers,
    );
    const verified = await server.query(
      VERIFY,
      { input: { id: donation.id, expectedVersion: 2, reason: '票据 No. 0001' } },
      writers.internal.headers,
    );
    expect(verified.body.data.verifyDonation).toEqual({
      __typename: 'VerifyDonationSuccess',
      donation: { version: 3, status: 'VERIFIED' },
    });
  });

  it('a donation recorded through the API is in donationSummary and donationStats in the very next request', async () => {
    const filter = { donorId: writers.foundation.id, provenance: ['SUBMITTED'] };
    const before = (await server.query(SUMMARY, { filter })).body.data;
    await record('fresh', { total: '12345.67' });
    const after = (await server.query(SUMMARY, { filter })).body.data;
    expect(after.donationSummary.donationCount).toBe(before.donationSummary.donationCount + 1);
    expect(after.donationSummary.total.value).toBe(yuanOf(fen(before.donationSummary.total.value) + fen('12345.67')));
    expect(after.donationStats).toEqual([
      {
        key: writers.foundation.id,
        donationCount: before.donationStats[0].donationCount + 1,
        total: { value: after.donationSummary.total.value },
      },
    ]);
  });
});
