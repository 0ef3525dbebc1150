import { startTestServer, type TestServer } from '../../support/server';
import { createWriters, type Writers } from '../../support/writers';

const RECORD_GRANT = /* GraphQL */ `
  mutation RecordGrant($input: RecordDonationInput!) {
    recordDonation(input: $input) {
      __typename
      ... on RecordDonationSuccess {
        donation {
          id
          status
          version
          total {
            value
          }
          delivered {
            value
          }
          provenance {
            kind
            source {
              publisher
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

const RECORD_DISBURSEMENT = /* GraphQL */ `
  mutation RecordDisbursement($input: RecordDisbursementInput!) {
    recordDisbursement(input: $input) {
      __typename
      ... on RecordDisbursementSuccess {
        disbursement {
          amount {
            value
          }
          disbursedOn
          description
        }
        donation {
          status
          version
          delivered {
            value
          }
          deliveredOn
          disbursements {
            amount {
              value
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

const HISTORY = /* GraphQL */ `
  query History($id: ID!) {
    donation(id: $id) {
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

describe('a foundation reports a grant and its tranches', () => {
  let server: TestServer;
  let writers: Writers;

  beforeAll(async () => {
    server = await startTestServer();
    writers = await createWriters(server.database.db);
  });
  afterAll(() => server.close());

  it('moves the grant from PLEDGED through PARTIALLY_DELIVERED to DELIVERED, refusing a tranche beyond the total', async () => {
    const { foundation, grantee } = writers;
    const recorded = await server.query(
      RECORD_GRANT,
      {
        input: {
          donorId: foundation.id,
          recipientId: grantee.id,
          projectId: grantee.projectId,
          purpose: 'EDUCATION',
          pledgedOn: '2026-03-01',
          total: '100000',
          cash: '80000.00',
          inKind: '20000',
          inKindDescription: '图书',
        },
      },
      foundation.key.headers,
    );
    const donation = recorded.body.data.recordDonation.donation;
    expect(recorded.body.data.recordDonation).toEqual({
      __typename: 'RecordDonationSuccess',
      donation: {
        id: donation.id,
        status: 'PLEDGED',
        version: 1,
        total: { value: '100000.00' },
        delivered: { value: '0.00' },
        provenance: { kind: 'SUBMITTED', source: { publisher: foundation.name } },
      },
    });

    const pay = (amount: string, paidOn: string) =>
      server.query(
        RECORD_DISBURSEMENT,
        { input: { donationId: donation.id, amount, paidOn, note: `转账 ${amount}` } },
        foundation.key.headers,
      );

    expect((await pay('60000', '2026-04-01')).body.data.recordDisbursement).toEqual({
      __typename: 'RecordDisbursementSuccess',
      disbursement: { amount: { value: '60000.00' }, disbursedOn: '2026-04-01', description: '转账 60000' },
      donation: {
        status: 'PARTIALLY_DELIVERED',
        version: 2,
        delivered: { value: '60000.00' },
        deliveredOn: null,
        disbursements: [{ amount: { value: '60000.00' } }],
      },
    });
    expect((await pay('40000.00', '2026-05-01')).body.data.recordDisbursement.donation).toEqual({
      status: 'DELIVERED',
      version: 3,
      delivered: { value: '100000.00' },
      deliveredOn: '2026-05-01',
      disbursements: [{ amount: { value: '60000.00' } }, { amount: { value: '40000.00' } }],
    });
    expect((await pay('0.01', '2026-05-02')).body.data.recordDisbursement).toEqual({
      __typename: 'UserError',
      code: 'INVALID',
      field: 'input.amount',
      message: 'exceeds what is outstanding: 0.00 of 100000.00 yuan, got 0.01',
    });

    const history = await server.query(HISTORY, { id: donation.id });
    const actor = { name: 'foundation key', organization: { name: foundation.name } };
    expect(history.body.data.donation.history.nodes).toEqual([
      {
        version: 1,
        action: 'CREATED',
        reason: null,
        actor,
        changes: expect.arrayContaining([
          { field: 'total', before: null, after: '100000.00' },
          { field: 'status', before: null, after: 'PLEDGED' },
        ]),
      },
      {
        version: 2,
        action: 'DISBURSED',
        reason: '转账 60000',
        actor,
        changes: [
          { field: 'delivered', before: '0.00', after: '60000.00' },
          { field: 'status', before: 'PLEDGED', after: 'PARTIALLY_DELIVERED' },
        ],
      },
      {
        version: 3,
        action: 'DISBURSED',
        reason: '转账 40000.00',
        actor,
        changes: [
          { field: 'delivered', before: '60000.00', after: '100000.00' },
          { field: 'deliveredOn', before: null, after: '2026-05-01' },
          { field: 'status', before: 'PARTIALLY_DELIVERED', after: 'DELIVERED' },
        ],
      },
    ]);
  });
});
