import { ARTICLE_INDICATORS } from './labels';

/**
 * The GraphQL documents the dashboard sends, as any client of the public API would. The page and
 * its tests both build them here, so a test reads exactly what the page reads. A load costs an
 * anonymous visitor 162 of the 1,000 points an hour: three donation scans of 50 (the two
 * `donationStats` and `donationSummary`), the training and organization statistics a few.
 */

/** Which records a view counts: the articles' alone, or everything including synthetic demo data. */
export type DataScope = 'reported' | 'everything';

/** The list filters' `provenance` for a scope; null puts no condition. */
export const provenanceOf = (scope: DataScope) => (scope === 'reported' ? ['REPORTED'] : null);

/** COVID-19 giving by enterprises: the donations article's subject. */
export const EPIDEMIC_DONATIONS = { purpose: 'EPIDEMIC_RESPONSE', donorTypes: ['ENTERPRISE'] } as const;

/** The 2021–2023 special action plan's training period (民办发〔2020〕36号), which its target closes. */
export const TRAINING_PERIOD = { from: '2021-01-01', to: '2023-12-31' } as const;

/** `YYYY-MM` of every month of the training period, in order: the chart's axis, empty months included. */
export function trainingMonths(): string[] {
  const months: string[] = [];
  for (let year = Number(TRAINING_PERIOD.from.slice(0, 4)); year <= Number(TRAINING_PERIOD.to.slice(0, 4)); year++)
    for (let month = 1; month <= 12; month++) months.push(`${year}-${String(month).padStart(2, '0')}`);
  return months;
}

/** How many of the largest donors the page shows. */
export const TOP_DONORS = 10;

export const DONATIONS_QUERY = /* GraphQL */ `
  query DashboardDonations($filter: DonationFilter!, $named: DonationFilter!, $indicators: [String!]!) {
    byIndustry: donationStats(groupBy: DONOR_INDUSTRY, filter: $filter) {
      key
      label
      donationCount
      total { value }
      cash { value }
      inKind { value }
      unsplitTotal { value }
      provenanceCounts { ...Counts }
    }
    topDonors: donationStats(groupBy: DONOR, filter: $filter, first: ${TOP_DONORS}) {
      key
      label
      donationCount
      total { value }
      cash { value }
      inKind { value }
      unsplitTotal { value }
      provenanceCounts { ...Counts }
    }
    named: donationSummary(filter: $named) {
      donationCount
      donorCount
      total { value }
      cash { value }
      inKind { value }
      unsplitTotal { value }
      provenanceCounts { ...Counts }
    }
    articles: governanceMetrics(filter: { indicatorCodes: $indicators, provenance: [REPORTED] }, first: 20) {
      nodes {
        indicator { code name unit }
        value
        valueQualifier
        periodEnd
        provenance { kind source { title publisher publishedOn url } }
      }
    }
  }
  fragment Counts on ProvenanceCounts { reported submitted synthetic }
`;

export function donationsVariables(scope: DataScope) {
  return {
    filter: { ...EPIDEMIC_DONATIONS, provenance: provenanceOf(scope) },
    named: { ...EPIDEMIC_DONATIONS, provenance: ['REPORTED'] },
    indicators: Object.keys(ARTICLE_INDICATORS),
  };
}

/** Person-times month by month and cumulatively against the target, over the plan's period. */
export const TRAINING_QUERY = /* GraphQL */ `
  query DashboardTraining($filter: TrainingSessionFilter!) {
    progress: trainingProgress(filter: $filter) {
      sessionCount
      personTimes
      target
      targetDate
      progress
    }
    timeline: trainingTimeline(interval: MONTH, filter: $filter) {
      target
      targetDate
      targetMetric {
        periodStart
        periodEnd
        provenance {
          kind
          source {
            title
            publisher
            publishedOn
            url
          }
        }
      }
      periods {
        key
        sessionCount
        personTimes
        cumulativePersonTimes
        provenanceCounts {
          ...Counts
        }
      }
    }
  }
  fragment Counts on ProvenanceCounts {
    reported
    submitted
    synthetic
  }
`;

export const trainingVariables = (scope: DataScope) => ({
  filter: { dateFrom: TRAINING_PERIOD.from, dateTo: TRAINING_PERIOD.to, provenance: provenanceOf(scope) },
});

/** Organizations by type, registration status and province. */
export const ORGANIZATIONS_QUERY = /* GraphQL */ `
  query DashboardOrganizations($filter: OrganizationFilter!) {
    byType: organizationStats(groupBy: TYPE, filter: $filter) {
      ...Group
    }
    byStatus: organizationStats(groupBy: REGISTRATION_STATUS, filter: $filter) {
      ...Group
    }
    byProvince: organizationStats(groupBy: PROVINCE, filter: $filter) {
      ...Group
    }
  }
  fragment Group on OrganizationGroup {
    key
    label
    organizationCount
    provenanceCounts {
      reported
      submitted
      synthetic
    }
  }
`;

export const organizationsVariables = (scope: DataScope) => ({ filter: { provenance: provenanceOf(scope) } });
