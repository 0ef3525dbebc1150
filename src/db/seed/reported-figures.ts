import { indicators } from '../reference/indicators';
import { toGlobalId } from '../../modules/node/global-id';
import {
  reportedDonationId,
  reportedMetricId,
  reportedOrganizationId,
  reportedProjectId,
  reportedSourceId,
} from './load-reported';
import {
  reportedDonations,
  reportedMetrics,
  reportedOrganizations,
  reportedProjects,
  reportedSources,
  type ReportedSource,
} from './reported';

/** One figure or named fact of an article: its sentence, the query that returns it, and the answer's `data`. */
export interface ReportedFigure {
  source: string;
  /** the article's sentence, verbatim */
  sentence: string;
  /** what the figure is, in a few words */
  what: string;
  /** a GraphQL document on one line */
  query: string;
  /** the `data` the query answers on the seeded data */
  data: Record<string, unknown>;
}

/** A figure the data leaves out on purpose, and why. */
export interface OmittedFigure {
  source: string;
  words: string;
  why: string;
}

const indicatorName = new Map(indicators.map((i) => [i.code, i.name]));
const organizationName = new Map(reportedOrganizations.map((o) => [o.key, o.name]));

function metricFigure(m: (typeof reportedMetrics)[number]): ReportedFigure {
  const scope = m.organization
    ? `organizationId: "${toGlobalId('Organization', reportedOrganizationId(m.organization))}"`
    : m.regionCode
      ? `scopes: [REGION], regionCode: "${m.regionCode}"`
      : 'scopes: [NATIONAL]';
  const about = m.organization ? `: ${organizationName.get(m.organization)}` : m.regionCode ? `: ${m.regionCode}` : '';
  return {
    source: m.source,
    sentence: m.quote,
    what: `${indicatorName.get(m.indicator)}${about}`,
    query: `{ governanceMetrics(filter: { indicatorCodes: ["${m.indicator}"], ${scope}, provenance: [REPORTED] }) { nodes { id value valueQualifier target periodStart periodEnd } } }`,
    data: {
      governanceMetrics: {
        nodes: [
          {
            id: toGlobalId('GovernanceMetric', reportedMetricId(m.key)),
            value: m.value,
            valueQualifier: m.valueQualifier,
            target: m.target,
            periodStart: m.periodStart,
            periodEnd: m.periodEnd,
          },
        ],
      },
    },
  };
}

function donationFigure(d: (typeof reportedDonations)[number]): ReportedFigure {
  const donorName = d.donorName ?? organizationName.get(d.donor!)!;
  const inKind = d.cash === null ? null : { value: (BigInt(fen(d.total)) - BigInt(fen(d.cash))).toString() };
  return {
    source: d.source,
    sentence: d.quote,
    what: `${donorName}的捐赠`,
    query: `{ node(id: "${toGlobalId('Donation', reportedDonationId(d.key))}") { ... on Donation { donorName status total { value } cash { value } inKind { value } inKindDescription } } }`,
    data: {
      node: {
        donorName,
        status: d.status,
        total: { value: d.total },
        cash: d.cash === null ? null : { value: d.cash },
        inKind: inKind && { value: yuan(inKind.value) },
        inKindDescription: d.inKindDescription,
      },
    },
  };
}

function organizationFigure(o: (typeof reportedOrganizations)[number]): ReportedFigure {
  return {
    source: o.source,
    sentence: o.quote,
    what: o.name,
    query: `{ node(id: "${toGlobalId('Organization', reportedOrganizationId(o.key))}") { ... on Organization { name type industry industryBasis isBranch legalPerson { name } } } }`,
    data: {
      node: {
        name: o.name,
        type: o.type,
        industry: o.industry,
        industryBasis: o.industry === null ? null : o.industryInferred ? 'INFERRED' : 'REPORTED',
        isBranch: o.legalPerson !== null,
        legalPerson: o.legalPerson === null ? null : { name: organizationName.get(o.legalPerson) },
      },
    },
  };
}

function projectFigure(p: (typeof reportedProjects)[number]): ReportedFigure {
  return {
    source: p.source,
    sentence: p.quote,
    what: p.name,
    query: `{ node(id: "${toGlobalId('Project', reportedProjectId(p.key))}") { ... on Project { name organization { name } category fundingChannel status startsOn endsOn budget { value } } } }`,
    data: {
      node: {
        name: p.name,
        organization: { name: organizationName.get(p.organization) },
        category: p.category,
        fundingChannel: p.fundingChannel,
        status: p.status,
        startsOn: p.startsOn,
        endsOn: p.endsOn,
        budget: p.budget === null ? null : { value: p.budget },
      },
    },
  };
}

function sourceFigure(s: ReportedSource): ReportedFigure {
  const cites = <T extends { source: string }>(records: T[]) => records.filter((r) => r.source === s.key).length;
  return {
    source: s.key,
    sentence: s.title,
    what: '出处 (the article itself)',
    query: `{ node(id: "${toGlobalId('Source', reportedSourceId(s.key))}") { ... on Source { title publishedBy author publishedOn supports { organizations projects donations governanceMetrics } } } }`,
    data: {
      node: {
        title: s.title,
        publishedBy: s.publisher,
        author: s.author,
        publishedOn: s.publishedOn,
        supports: {
          organizations: cites(reportedOrganizations),
          projects: cites(reportedProjects),
          donations: cites(reportedDonations),
          governanceMetrics: cites(reportedMetrics),
        },
      },
    },
  };
}

/** yuan string → fen integer string: "740000000.00" → "74000000000" */
function fen(amount: string): string {
  const [whole, fraction = ''] = amount.split('.');
  return `${whole}${fraction.padEnd(2, '0')}`;
}

/** fen integer string → yuan string with two decimals */
function yuan(fenAmount: string): string {
  const padded = fenAmount.padStart(3, '0');
  return `${padded.slice(0, -2)}.${padded.slice(-2)}`;
}

/** Every figure and named fact the data carries, article by article in the articles' order. */
export function reportedFigures(): ReportedFigure[] {
  return reportedSources.flatMap((s) => [
    sourceFigure(s),
    ...reportedOrganizations.filter((o) => o.source === s.key).map(organizationFigure),
    ...reportedProjects.filter((p) => p.source === s.key).map(projectFigure),
    ...reportedDonations.filter((d) => d.source === s.key).map(donationFigure),
    ...reportedMetrics.filter((m) => m.source === s.key).map(metricFigure),
  ]);
}

/** The figures of the articles the data does not carry, because they lie outside the API's domains or are only a period's length. */
export const omittedFigures: OmittedFigure[] = [
  {
    source: 'training-target-news',
    words: '从2021年起用3年时间',
    why: 'the plan’s length: the four plans’ period (2021-01-01 to 2023-12-31)',
  },
  {
    source: 'epidemic-enterprise-donations',
    words: '112家企业捐赠近100亿元 (title)',
    why: 'the rounded 92.779592亿元, which the data holds exactly',
  },
  {
    source: 'epidemic-enterprise-donations',
    words: '为期四个月的数字教材',
    why: 'a duration of a gift, not an amount; kept in words in the donation’s description',
  },
  {
    source: 'patriotic-health-purchase',
    words: '五项主要工作 / 四项重点工作',
    why: 'the opinion’s lists of tasks, not records of organizations, projects, donations, trainings or metrics',
  },
  {
    source: 'foundation-forum-2020',
    words: '6天 (为期六天的年会)',
    why: 'the forum’s period (2020-11-22 to 2020-11-27) of its metrics',
  },
  {
    source: 'poverty-alleviation-since-2017',
    words: '三个救助圈层, 五方面工作, 连续3年开展农村低保专项治理, “12349”热线',
    why: 'the structure and history of social assistance, not figures of the sector',
  },
  {
    source: 'grassroots-governance',
    words: '14亿多人口, 服务业净产值比重超过50%, 常住人口城镇化率超过60%',
    why: 'population and economy, outside the API’s domains',
  },
  {
    source: 'grassroots-governance',
    words: '1954年, 1987年, 2014年, 2015年, 2019年 (laws and opinions)',
    why: 'dates of the history of grassroots self-government, not figures',
  },
];
