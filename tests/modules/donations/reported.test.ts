import { startTestServer, type TestServer } from '../../support/server';

const MENGNIU = /* GraphQL */ `
  query Mengniu {
    organizations(filter: { search: "蒙牛", provenance: [REPORTED] }) {
      nodes {
        name
        type
        donationsGiven(first: 5) {
          nodes {
            purpose
            status
            total {
              value
              currency
            }
            cash {
              value
            }
            inKind {
              value
            }
            delivered {
              value
            }
            provenance {
              kind
              source {
                title
                publisher
                publishedOn
              }
            }
          }
        }
      }
    }
  }
`;

const REPORTED_AGGREGATES = /* GraphQL */ `
  query Aggregates($codes: [String!]) {
    governanceMetrics(filter: { indicatorCodes: $codes, provenance: [REPORTED] }, first: 100) {
      nodes {
        indicator {
          code
          unit
        }
        scope
        periodEnd
        value
        valueQualifier
        target
        provenance {
          kind
          source {
            title
            publisher
            publishedOn
          }
        }
      }
    }
  }
`;

const REPORTED_SUMMARY = /* GraphQL */ `
  query ReportedSummary {
    donationSummary(filter: { provenance: [REPORTED], purpose: EPIDEMIC_RESPONSE }) {
      donationCount
      donorCount
      total {
        value
      }
      cash {
        value
      }
      inKind {
        value
      }
      unsplitTotal {
        value
      }
      delivered {
        value
      }
      inKindShare
    }
  }
`;

const DONATIONS_ARTICLE = {
  title: '抗疫企业捐赠真实数据来了,112家企业捐赠近100亿元,互联网相关企业仅8家',
  publisher: '公益时报',
  publishedOn: '2020-12-01',
};

describe('the seed articles, reproduced exactly', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  it("Mengniu's COVID-19 donation is 740,000,000.00 in total, 32,000,000.00 cash and 708,000,000.00 in kind", async () => {
    const { body } = await t.query(MENGNIU);
    expect(body).toEqual({
      data: {
        organizations: {
          nodes: [
            {
              name: '内蒙古蒙牛乳业(集团)股份有限公司',
              type: 'ENTERPRISE',
              donationsGiven: {
                nodes: [
                  {
                    purpose: 'EPIDEMIC_RESPONSE',
                    status: 'VERIFIED',
                    total: { value: '740000000.00', currency: 'CNY' },
                    cash: { value: '32000000.00' },
                    inKind: { value: '708000000.00' },
                    delivered: { value: '740000000.00' },
                    provenance: { kind: 'REPORTED', source: DONATIONS_ARTICLE },
                  },
                ],
              },
            },
          ],
        },
      },
    });
  });

  it('the 112 enterprises’ aggregates are governance metrics that name their source article', async () => {
    const codes = [
      'epidemic_enterprise_donation_total',
      'epidemic_enterprise_donation_cash',
      'epidemic_enterprise_donation_in_kind',
      'epidemic_enterprise_donation_in_kind_share',
      'epidemic_enterprise_donors_without_cash',
      'epidemic_enterprise_donors_it',
    ];
    const { body } = await t.query(REPORTED_AGGREGATES, { codes });
    const byCode = Object.fromEntries(body.data.governanceMetrics.nodes.map((m: any) => [m.indicator.code, m]));
    expect(Object.keys(byCode).sort()).toEqual([...codes].sort());
    const expected: Record<string, [string, string]> = {
      epidemic_enterprise_donation_total: ['9277959200.00', 'yuan'],
      epidemic_enterprise_donation_cash: ['5157193800.00', 'yuan'],
      epidemic_enterprise_donation_in_kind: ['4120765400.00', 'yuan'],
      epidemic_enterprise_donation_in_kind_share: ['0.4441', 'ratio'],
      epidemic_enterprise_donors_without_cash: ['18', 'enterprises'],
      epidemic_enterprise_donors_it: ['8', 'enterprises'],
    };
    for (const [code, [value, unit]] of Object.entries(expected)) {
      expect(byCode[code]).toEqual({
        indicator: { code, unit },
        scope: 'NATIONAL',
        periodEnd: '2020-06-20',
        value,
        valueQualifier: 'EXACT',
        target: null,
        provenance: { kind: 'REPORTED', source: DONATIONS_ARTICLE },
      });
    }
  });

  it('the 2,450,000 person-times training target for 2023 is a metric of the special action plan', async () => {
    const { body } = await t.query(REPORTED_AGGREGATES, { codes: ['community_social_work_training_person_times'] });
    expect(body.data.governanceMetrics.nodes).toEqual([
      {
        indicator: { code: 'community_social_work_training_person_times', unit: 'person-times' },
        scope: 'NATIONAL',
        periodEnd: '2023-12-31',
        value: null,
        valueQualifier: 'EXACT',
        target: '2450000',
        provenance: {
          kind: 'REPORTED',
          source: {
            title: '民政部办公厅关于印发《培育发展社区社会组织专项行动方案(2021-2023年)》的通知',
            publisher: '民政部门户网站',
            publishedOn: '2020-12-07',
          },
        },
      },
    ]);
  });

  it('sums the named donations exactly, keeping those with no reported split apart', async () => {
    const { body } = await t.query(REPORTED_SUMMARY);
    expect(body.data.donationSummary).toEqual({
      donationCount: 22,
      donorCount: 22,
      // the 22 amounts of src/db/seed/reported.ts, added by hand; 12 of them report their cash part
      total: { value: '3694428200.00' },
      cash: { value: '212731000.00' },
      inKind: { value: '1941727800.00' },
      unsplitTotal: { value: '1539969400.00' },
      delivered: { value: '3694428200.00' },
      // null: 1,539,969,400.00 of it has no reported split, and the split part's share (0.9012) would misstate the whole
      inKindShare: null,
    });
  });
});
