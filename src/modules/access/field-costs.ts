import { indicators } from '../../db/reference/indicators';
import { reportedSources } from '../../db/seed/reported';
import { MAX_PAGE_SIZE } from '../pagination/arguments';
import { MAX_ATTEMPTS } from '../webhooks/retry-schedule';

/** A field's argument values, variables and defaults applied. */
export type ArgumentValues = Record<string, unknown>;

/**
 * What a field costs beyond the page sizes of connections, in nodes, after the GraphQL cost
 * directives spec (IBM's `@cost(weight:)` and `@listSize`): `weight` is the work of resolving
 * it once, whatever it returns; `listSize` how many items a list field can return, which
 * multiplies everything selected under it.
 */
export interface FieldCost {
  /** nodes of work per resolution, counted on top of the items it returns */
  weight?: number;
  /** the items a list can return, from its argument values */
  listSize?: (args: ArgumentValues) => number;
  /** the list is its parent's page, sized on the parent as a connection's `nodes` are: it adds no nodes of its own */
  page?: true;
}

/**
 * Groups an unsliced `donationStats` can return, per dimension: an enum's values, ten years of
 * months, 34 provinces, and for donors and recipients the benchmark set's 10,000 organizations
 * (6,979 donors and 8,426 recipients there); each plus one for donations without a value.
 */
export const GROUPS_PER_DIMENSION: Readonly<Record<string, number>> = {
  DONOR: 10_000,
  RECIPIENT: 10_000,
  DONOR_TYPE: 8,
  DONOR_INDUSTRY: 21,
  PURPOSE: 11,
  STATUS: 5,
  YEAR: 10,
  MONTH: 120,
  PROVINCE: 35,
};

/** Periods a timeline can return, per interval: ten years of data, as for `donationStats` by month or year. */
export const PERIODS_PER_INTERVAL: Readonly<Record<string, number>> = { MONTH: 120, QUARTER: 40, YEAR: 10 };

/** Groups `organizationStats` can return, per dimension: an enum's values or 34 provinces, plus one for none. */
export const ORGANIZATION_GROUPS_PER_DIMENSION: Readonly<Record<string, number>> = {
  TYPE: 8,
  REGISTRATION_STATUS: 5,
  PROVINCE: 35,
  EVALUATION_GRADE: 6,
};

// Weights in nodes, from timings on the benchmark set against a page of 100 organizations (100
// nodes); docs/cost-and-limits.md gives the measurements.

/** a scan of every donation (1,000,000 in the benchmark set): about 50 pages' time */
export const DONATION_SCAN_WEIGHT = 5_000;
/** a scan of every training session (50,000): about two pages' time */
export const TRAINING_SCAN_WEIGHT = 200;
/** a scan of every organization (10,000 in the benchmark set): about a page's time */
export const ORGANIZATION_SCAN_WEIGHT = 100;
/** one organization's or project's donations summed through an index: a few nodes' time */
export const RELATED_SUMMARY_WEIGHT = 5;
/** the whole schema built in memory: about two pages' time */
export const SCHEMA_INTROSPECTION_WEIGHT = 200;
/** one type: a tenth of a page's time */
export const TYPE_INTROSPECTION_WEIGHT = 10;

/** The length of a list argument; a single value stands for a list of one (GraphQL's input coercion). */
const lengthOf = (value: unknown): number => (Array.isArray(value) ? value.length : value == null ? 0 : 1);

/**
 * Every field, by schema coordinate, whose cost is not the page size of a connection: each
 * aggregate, each list that is not a connection's page, and introspection. A test checks that
 * every list of objects in the schema is here or on a connection.
 */
export const FIELD_COSTS: Readonly<Record<string, FieldCost>> = {
  /** one node per ID asked for */
  'Query.nodes': { listSize: (args) => lengthOf(args['ids']) },
  /** sums over every donation matching the filter; weighed as the unfiltered scan */
  'Query.donationSummary': { weight: DONATION_SCAN_WEIGHT },
  /** the same scan, grouped by a dimension; then one item per group */
  'Query.donationStats': {
    weight: DONATION_SCAN_WEIGHT,
    listSize: (args) =>
      typeof args['first'] === 'number'
        ? Math.max(0, args['first'])
        : (GROUPS_PER_DIMENSION[String(args['groupBy'])] ?? MAX_PAGE_SIZE),
  },
  /** the same scan, summed per period */
  'Query.donationTimeline': {
    weight: DONATION_SCAN_WEIGHT,
    listSize: (args) => PERIODS_PER_INTERVAL[String(args['interval'])] ?? MAX_PAGE_SIZE,
  },
  /** sums over every training session matching the filter */
  'Query.trainingProgress': { weight: TRAINING_SCAN_WEIGHT },
  /** the same scan, summed per period; its periods multiply what they select */
  'Query.trainingTimeline': {
    weight: TRAINING_SCAN_WEIGHT,
    listSize: (args) => PERIODS_PER_INTERVAL[String(args['interval'])] ?? MAX_PAGE_SIZE,
  },
  /** the timeline's periods, sized on `Query.trainingTimeline` above */
  'TrainingTimeline.periods': { page: true },
  /** a scan of every organization matching the filter, counted per group */
  'Query.organizationStats': {
    weight: ORGANIZATION_SCAN_WEIGHT,
    listSize: (args) => ORGANIZATION_GROUPS_PER_DIMENSION[String(args['groupBy'])] ?? MAX_PAGE_SIZE,
  },
  /** sums over one organization's or project's donations, through an index */
  'Organization.donationSummary': { weight: RELATED_SUMMARY_WEIGHT },
  'Project.donationSummary': { weight: RELATED_SUMMARY_WEIGHT },
  /** the indicator catalogue */
  'Query.governanceIndicators': { listSize: () => indicators.length },
  /** the works reported records cite: the seed articles */
  'Query.sources': { listSize: () => reportedSources.length },
  /** five counts of the records citing one source, through the source_id indexes */
  'Source.supports': { weight: RELATED_SUMMARY_WEIGHT },
  /** the tranches of one donation: at most 3 in the benchmark set */
  'Donation.disbursements': { listSize: () => 5 },
  /** the fields one change touched: at most every field of a record */
  'RecordChange.changes': { listSize: () => 20 },
  /** a page of the change feed: `first` changes, each multiplying what it selects */
  'Query.changes': { listSize: (args) => (typeof args['first'] === 'number' ? Math.max(0, args['first']) : 100) },
  'ChangeFeed.changes': { page: true },
  /** every attempt of one delivery: at most the retry schedule's attempts */
  'WebhookDelivery.attempts': { listSize: () => MAX_ATTEMPTS },
  /** the whole schema, built in memory: its weight covers everything selected in it */
  'Query.__schema': { weight: SCHEMA_INTROSPECTION_WEIGHT },
  'Query.__type': { weight: TYPE_INTROSPECTION_WEIGHT },
};
