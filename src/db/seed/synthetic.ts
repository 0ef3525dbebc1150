import { getTableColumns, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { withCheckCharacter } from '../../modules/organizations/credit-code';
import type { Database, Db } from '../client';
import { TRAINING_TARGET_INDICATOR } from '../reference/indicators';
import { loadRegions, type RegionRow } from '../reference/regions';
import { reportedOrganizations } from './reported';
import {
  disbursements,
  donationPurpose,
  donations,
  donationStatus,
  evaluationGrade,
  fundingChannel,
  governanceMetrics,
  organizations,
  organizationType,
  projectCategory,
  projectReports,
  projects,
  projectStatus,
  registrationStatus,
  serviceArea,
  targetGroup,
  trainingAudience,
  trainingFormat,
  trainingSessions,
} from '../schema';
import { seededId } from './ids';
import { Random } from './random';

export interface SyntheticOptions {
  organizations: number;
  projects: number;
  donations: number;
  trainingSessions: number;
  seed: number;
  /** concentrate load for benchmarks: one organization holds `bigOrganizationProjects` projects and one project holds `bigProjectDonations` donations (0 = off) */
  bigOrganizationProjects?: number;
  bigProjectDonations?: number;
}

/** The demo set. */
export const SMALL: SyntheticOptions = {
  organizations: 200,
  projects: 600,
  donations: 3000,
  trainingSessions: 300,
  seed: 1,
};

/** The benchmark set, with one very large organization and one very large project. */
export const LARGE: SyntheticOptions = {
  organizations: 10_000,
  projects: 100_000,
  donations: 1_000_000,
  trainingSessions: 50_000,
  seed: 1,
  bigOrganizationProjects: 1_000,
  bigProjectDonations: 100_000,
};

type Progress = (table: string, done: number, total: number) => void;

/**
 * Generates the synthetic dataset and inserts it, one transaction per table, streaming batches of rows.
 * The same options always give the same rows and ids, and rows already present are left alone, so
 * loading twice changes nothing. Project reports and disbursements travel with their projects and
 * donations; `onProgress` reports organizations, projects, donations, training_sessions and
 * governance_metrics, whose count follows from the organizations made.
 */
export async function loadSynthetic(
  database: Database,
  options: SyntheticOptions,
  onProgress?: Progress,
): Promise<void> {
  const { db } = database;
  const report: Progress = onProgress ?? (() => {});
  const world = new SyntheticWorld(options);

  await write(
    db,
    'organizations',
    options.organizations,
    report,
    (i) => world.organization(i),
    (tx, rows) => insertNew(tx, organizations, rows),
  );
  await write(
    db,
    'projects',
    options.projects,
    report,
    (i, reports: ProjectReportRow[]) => world.project(i, reports),
    async (tx, rows, reports) => {
      await insertNew(tx, projects, rows);
      await insertNew(tx, projectReports, reports);
    },
  );
  await write(
    db,
    'donations',
    options.donations,
    report,
    (i, tranches: DisbursementRow[]) => world.donation(i, tranches),
    async (tx, rows, tranches) => {
      await insertNew(tx, donations, rows);
      await insertNew(tx, disbursements, tranches);
    },
  );
  await write(
    db,
    'training_sessions',
    options.trainingSessions,
    report,
    (i) => world.trainingSession(i),
    (tx, rows) => insertNew(tx, trainingSessions, rows),
  );
  const metrics = world.governanceMetrics();
  await write(
    db,
    'governance_metrics',
    metrics.length,
    report,
    (i) => metrics[i]!,
    (tx, rows) => insertNew(tx, governanceMetrics, rows),
  );
}

/** Rows per INSERT and per progress report; a statement binds one array per column, whatever the count. */
const BATCH_ROWS = 2_000;

/** Generates rows 0..total-1 in batches; each batch and the child rows made with it go in together. */
async function write<R, C = never>(
  db: Db,
  table: string,
  total: number,
  onProgress: Progress,
  make: (i: number, children: C[]) => R,
  insert: (tx: Db, rows: R[], children: C[]) => Promise<void>,
): Promise<void> {
  if (total === 0) return;
  await db.transaction(async (tx) => {
    for (let start = 0; start < total; start += BATCH_ROWS) {
      const rows: R[] = [];
      const children: C[] = [];
      for (let i = start; i < Math.min(total, start + BATCH_ROWS); i += 1) rows.push(make(i, children));
      await insert(tx, rows, children);
      onProgress(table, start + rows.length, total);
    }
  });
}

/**
 * Inserts the rows whose id is not there yet, as `INSERT … SELECT … FROM unnest($1::text[], …)`: the
 * batch binds one text array per column, cast back to the column's type, rather than one parameter
 * per value. The columns are those the first row sets; unset ones take their defaults.
 */
async function insertNew<T extends PgTable>(tx: Db, table: T, rows: T['$inferInsert'][]): Promise<void> {
  if (rows.length === 0) return;
  const values = rows as Array<Record<string, unknown>>;
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => values[0]![key] !== undefined);
  const names = sql.join(
    columns.map(([, column]) => sql.identifier(column.name)),
    sql`, `,
  );
  const casts = sql.raw(columns.map(([, column], i) => `c${i}::${column.getSQLType()}`).join(', '));
  const arrays = sql.join(
    columns.map(([key]) => sql`${sql.param(values.map((row) => asText(row[key])))}::text[]`),
    sql`, `,
  );
  const aliases = sql.raw(columns.map((_, i) => `c${i}`).join(', '));
  await tx.execute(
    sql`insert into ${table} (${names}) select ${casts} from unnest(${arrays}) as t(${aliases}) on conflict (id) do nothing`,
  );
}

/** a value in PostgreSQL's text form; arrays as array literals */
function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return `{${value.map((item) => `"${String(item).replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
  return String(value);
}

type OrganizationRow = typeof organizations.$inferInsert;
type ProjectRow = typeof projects.$inferInsert;
type ProjectReportRow = typeof projectReports.$inferInsert;
type DonationRow = typeof donations.$inferInsert;
type DisbursementRow = typeof disbursements.$inferInsert;
type TrainingSessionRow = typeof trainingSessions.$inferInsert;
type GovernanceMetricRow = typeof governanceMetrics.$inferInsert;

type OrganizationType = (typeof organizationType.enumValues)[number];
type RegistrationStatus = (typeof registrationStatus.enumValues)[number];
type EvaluationGrade = (typeof evaluationGrade.enumValues)[number];
type ProjectCategory = (typeof projectCategory.enumValues)[number];
type DonationPurpose = (typeof donationPurpose.enumValues)[number];
type ServiceArea = (typeof serviceArea.enumValues)[number];
type Industry = keyof typeof INDUSTRIES;

/** A county-level region and the names an organization there is called by. */
interface County {
  code: string;
  name: string;
  /** the prefecture city, or the province for a county directly under it */
  city: string;
}

/** What later tables need to know about an organization. */
interface OrganizationFacts {
  id: string;
  name: string;
  type: OrganizationType;
  registration: RegistrationStatus;
  grade: EvaluationGrade | null;
  county: County;
}

/** What donations need to know about a project; dates are days since 1970-01-01. */
interface ProjectFacts {
  organization: number;
  category: ProjectCategory;
  startsOn: number;
  endsOn: number;
}

/** The day the synthetic world is described at: project statuses hold as of this date. */
const AS_OF = toDay('2024-06-30');
const FIRST_DAY = toDay('2017-01-01');
const LAST_DAY = toDay('2024-12-31');
/** The years governance metrics cover: the 2021–2023 period of the national training target (民办发〔2020〕36号). */
const METRIC_YEARS = [2021, 2022, 2023] as const;
/** Training sessions run within the plan whose target `trainingProgress` counts them against: 2021-01-01 to 2023-12-31. */
const PLAN_FIRST_DAY = toDay(`${METRIC_YEARS[0]}-01-01`);
const PLAN_LAST_DAY = toDay(`${METRIC_YEARS[METRIC_YEARS.length - 1]}-12-31`);
/**
 * COVID-19 giving: from 2020-01-20, when person-to-person transmission was announced and the national
 * response began, to 2023-01-07, the day before the disease left Class A management. Epidemic-response
 * projects start and epidemic donations are pledged within it.
 */
const EPIDEMIC_FIRST_DAY = toDay('2020-01-20');
const EPIDEMIC_LAST_DAY = toDay('2023-01-07');

/** Types that run projects and receive donations. */
const PROJECT_RUNNERS: readonly OrganizationType[] = [
  'SOCIAL_GROUP',
  'SOCIAL_SERVICE_AGENCY',
  'FOUNDATION',
  'COMMUNITY_ORGANIZATION',
  'OTHER',
];

/**
 * Holds the generators' state: the organizations and projects made so far, for later rows to point at.
 * Each table draws from its own seeded stream, and rows must be made in index order: organizations,
 * projects, donations, training sessions, then the governance metrics. `loadSynthetic` inserts what it
 * makes; tests read its rows in memory.
 */
export class SyntheticWorld {
  private readonly counties: County[];
  private readonly coverage = new Coverage();
  private readonly random: Record<
    'organizations' | 'names' | 'projects' | 'donations' | 'trainingSessions' | 'governanceMetrics',
    Random
  >;
  private readonly organizations: OrganizationFacts[] = [];
  private readonly runners: number[] = [];
  /** every organization but enterprises, which do not organize trainings */
  private readonly trainers: number[] = [];
  private readonly donors: Record<'ENTERPRISE' | 'FOUNDATION' | 'OTHER', number[]> = {
    ENTERPRISE: [],
    FOUNDATION: [],
    OTHER: [],
  };
  /** hub organizations that incubate community organizations, all and by province code */
  private readonly hubs: number[] = [];
  private readonly hubsByProvince = new Map<string, number[]>();
  private readonly names = new Set<string>();
  private readonly creditCodes = new Set<string>();
  private readonly projects: ProjectFacts[] = [];
  /** person-times of the training sessions (all within METRIC_YEARS), by province code */
  private readonly trainedByProvince = new Map<string, number>();

  constructor(private readonly options: SyntheticOptions) {
    const {
      organizations: organizationCount,
      projects: projectCount,
      donations: donationCount,
      trainingSessions,
    } = options;
    if ([organizationCount, projectCount, donationCount, trainingSessions].some((n) => !Number.isInteger(n) || n < 0)) {
      throw new RangeError('synthetic sizes must be non-negative integers');
    }
    if (organizationCount === 0 && projectCount + donationCount + trainingSessions > 0) {
      throw new RangeError('projects, donations and training sessions need at least one organization');
    }
    if (projectCount === 0 && (options.bigProjectDonations ?? 0) > 0) {
      throw new RangeError('bigProjectDonations needs at least one project');
    }
    const key = (table: string) => `synthetic:${options.seed}:${table}`;
    this.random = {
      organizations: new Random(key('organizations')),
      names: new Random(key('organization_names')),
      projects: new Random(key('projects')),
      donations: new Random(key('donations')),
      trainingSessions: new Random(key('training_sessions')),
      governanceMetrics: new Random(key('governance_metrics')),
    };
    this.counties = counties();
  }

  private id(kind: string, ...index: number[]): string {
    return seededId(`synthetic:${this.options.seed}:${kind}:${index.join(':')}`);
  }

  /**
   * Organization 0 is a registered foundation; it holds the big organization's projects. No synthetic
   * organization is a government body: the draw that would make one makes an OTHER body (a research or
   * evaluation centre) that trains but runs no projects and names no target groups, drawing exactly
   * what a government agency drew, so that the rest of the set stays as it was.
   */
  organization(i: number): OrganizationRow {
    const random = this.random.organizations;
    const drawn: OrganizationType =
      i === 0
        ? 'FOUNDATION'
        : this.coverage.draw('organization.type', organizationType.enumValues, () =>
            random.weighted(ORGANIZATION_TYPE_WEIGHTS),
          );
    const type: OrganizationType = drawn === 'GOVERNMENT_AGENCY' ? 'OTHER' : drawn;
    const registration =
      i === 0
        ? 'REGISTERED'
        : type === 'COMMUNITY_ORGANIZATION'
          ? this.coverage.draw('community.registration', registrationStatus.enumValues, () =>
              random.weighted(COMMUNITY_REGISTRATION_WEIGHTS),
            )
          : this.coverage.draw('formal.registration', ['REGISTERED', 'DEREGISTERED'] as const, () =>
              random.chance(0.04) ? 'DEREGISTERED' : 'REGISTERED',
            );
    const county = random.pick(this.counties);
    const province = county.code.slice(0, 2);
    const isHub = (type === 'SOCIAL_SERVICE_AGENCY' || type === 'SOCIAL_GROUP') && random.chance(0.15);
    const industry: Industry | null =
      type === 'ENTERPRISE'
        ? this.coverage.draw('enterprise.industry', INDUSTRY_LETTERS, () => random.weighted(INDUSTRY_WEIGHTS))
        : null;

    const serviceAreas = this.serviceAreas(type, isHub, random);
    const name = this.uniqueName(
      organizationName(drawn, isHub, industry, serviceAreas[0], county, random, this.random.names),
    );
    const id = this.id('organization', i);
    const hubsNearby = this.hubsByProvince.get(province) ?? [];
    const incubator =
      type === 'COMMUNITY_ORGANIZATION' && this.hubs.length > 0 && random.chance(0.15)
        ? this.organizations[random.pick(hubsNearby.length > 0 ? hubsNearby : this.hubs)]!
        : null;
    const graded =
      registration === 'REGISTERED' && ['SOCIAL_GROUP', 'SOCIAL_SERVICE_AGENCY', 'FOUNDATION'].includes(type);
    const evaluation = graded
      ? this.coverage.draw('organization.grade', evaluationGrade.enumValues, () =>
          random.chance(0.25) ? random.weighted(GRADE_WEIGHTS) : null,
        )
      : null;

    this.organizations.push({ id, name, type, registration, grade: evaluation, county });
    if (PROJECT_RUNNERS.includes(drawn)) this.runners.push(i);
    if (type !== 'ENTERPRISE') this.trainers.push(i);
    if (type === 'ENTERPRISE' || type === 'FOUNDATION') this.donors[type].push(i);
    else if (type === 'SOCIAL_GROUP' || type === 'SOCIAL_SERVICE_AGENCY') this.donors.OTHER.push(i);
    if (isHub) {
      this.hubs.push(i);
      this.hubsByProvince.set(province, [...hubsNearby, i]);
    }

    return {
      id,
      name,
      type,
      registrationStatus: registration,
      creditCode:
        registration === 'REGISTERED' || registration === 'DEREGISTERED'
          ? this.uniqueCreditCode(CREDIT_CODE_PREFIX[type], county.code, random)
          : null,
      regionCode: county.code,
      foundedOn: random.chance(0.08) ? null : fromDay(random.int(toDay('1995-01-01'), toDay('2020-12-31'))),
      serviceAreas,
      targetGroups:
        drawn === 'ENTERPRISE' || drawn === 'GOVERNMENT_AGENCY'
          ? []
          : random.sample(targetGroup.enumValues, random.int(0, 3)),
      evaluationGrade: evaluation,
      industry,
      incubatorId: incubator?.id ?? null,
      provenanceKind: 'SYNTHETIC',
      sourceId: null,
    };
  }

  /** Project 0.. bigOrganizationProjects-1 belong to organization 0; the rest to any project-running organization. */
  project(i: number, reports: ProjectReportRow[]): ProjectRow {
    const random = this.random.projects;
    const big = Math.min(this.options.bigOrganizationProjects ?? 0, this.options.projects);
    const organization = i < big ? 0 : random.pick(this.runners);
    const owner = this.organizations[organization]!;
    const category = this.coverage.draw('project.category', projectCategory.enumValues, () =>
      random.weighted(PROJECT_CATEGORY_WEIGHTS),
    );
    const channel = this.coverage.draw('project.channel', fundingChannel.enumValues, () =>
      category === 'GOVERNMENT_PURCHASED_SERVICE'
        ? 'GOVERNMENT_PURCHASE'
        : category === 'VENTURE_PHILANTHROPY'
          ? 'VENTURE_PHILANTHROPY'
          : random.weighted(FUNDING_CHANNEL_WEIGHTS),
    );
    const drawnStatus = this.coverage.draw('project.status', projectStatus.enumValues, () =>
      random.weighted(PROJECT_STATUS_WEIGHTS),
    );
    // an epidemic-response project starts within the epidemic: none is planned after it
    const epidemic = category === 'EPIDEMIC_RESPONSE';
    const status = epidemic && drawnStatus === 'PLANNED' ? 'COMPLETED' : drawnStatus;
    const [earliest, latest] = PROJECT_STARTS[status];
    const startsOn = epidemic
      ? random.int(Math.max(earliest, EPIDEMIC_FIRST_DAY), Math.min(latest, EPIDEMIC_LAST_DAY))
      : random.int(earliest, latest);
    const planned = startsOn + random.int(90, 1095);
    const endsOn =
      status === 'COMPLETED' && planned > AS_OF
        ? random.int(Math.min(startsOn + 30, AS_OF), AS_OF)
        : status === 'ACTIVE'
          ? Math.max(planned, AS_OF + 1)
          : planned;
    const county = random.chance(0.75) ? owner.county : random.pick(this.counties);
    const budgetFen = roundYuan(random.logInt(5_000, 5_000_000)) * 100;
    const beneficiaryCount = random.chance(0.05) ? null : random.logInt(10, 50_000);
    const id = this.id('project', i);

    this.projects.push({ organization, category, startsOn, endsOn });
    if ((status === 'ACTIVE' || status === 'COMPLETED' || status === 'SUSPENDED') && random.chance(0.38)) {
      const reportedUntil = Math.min(endsOn, AS_OF);
      const periodStart = random.int(startsOn, Math.max(startsOn, reportedUntil - 30));
      const reached =
        beneficiaryCount === null
          ? random.logInt(20, 2_000)
          : Math.round(beneficiaryCount * (0.2 + 0.8 * random.next()));
      reports.push({
        id: this.id('project-report', i),
        projectId: id,
        periodStart: fromDay(periodStart),
        periodEnd: fromDay(Math.max(periodStart, Math.min(reportedUntil, periodStart + random.int(30, 365)))),
        summary: reportSummary(reached, random),
        beneficiariesReached: reached,
        spent: yuan(Math.floor(budgetFen * (0.1 + 0.85 * random.next()))),
        provenanceKind: 'SYNTHETIC',
        sourceId: null,
      });
    }

    return {
      id,
      name: projectName(category, county, startsOn, random),
      organizationId: owner.id,
      category,
      fundingChannel: channel,
      status,
      regionCode: county.code,
      startsOn: fromDay(startsOn),
      endsOn: fromDay(endsOn),
      budget: yuan(budgetFen),
      beneficiaryCount,
      targetGroups: random.sample(targetGroup.enumValues, random.int(0, 3)),
      provenanceKind: 'SYNTHETIC',
      sourceId: null,
    };
  }

  /**
   * Donations 0..bigProjectDonations-1 go to project 0. Others go to a random project (and its
   * organization) or, three times in ten, to an organization without a project. Amounts are whole fen.
   */
  donation(i: number, tranches: DisbursementRow[]): DonationRow {
    const random = this.random.donations;
    const toBigProject = i < (this.options.bigProjectDonations ?? 0);
    const projectIndex = toBigProject
      ? 0
      : this.projects.length > 0 && random.chance(0.7)
        ? random.int(0, this.projects.length - 1)
        : null;
    const project = projectIndex === null ? null : this.projects[projectIndex]!;
    const recipient = project ? project.organization : random.pick(this.runners);
    const donor = this.organizations[this.donor(recipient, random)]!;

    const fitting = project ? PURPOSE_OF_CATEGORY[project.category] : undefined;
    const drawnPurpose = this.coverage.draw('donation.purpose', donationPurpose.enumValues, () =>
      fitting && random.chance(0.7) ? fitting : random.weighted(PURPOSE_WEIGHTS),
    );
    const status = this.coverage.draw('donation.status', donationStatus.enumValues, () =>
      random.weighted(DONATION_STATUS_WEIGHTS),
    );
    // the days it may be pledged on: around its project, and within the epidemic for COVID-19 giving
    const [earliest, latest] = project
      ? [Math.max(FIRST_DAY, project.startsOn - 90), Math.min(LAST_DAY, project.endsOn)]
      : [FIRST_DAY, LAST_DAY];
    const epidemic = drawnPurpose === 'EPIDEMIC_RESPONSE';
    const [from, until] = epidemic
      ? [Math.max(earliest, EPIDEMIC_FIRST_DAY), Math.min(latest, EPIDEMIC_LAST_DAY)]
      : [earliest, latest];
    // a project run wholly outside the epidemic gets no COVID-19 donation: its own purpose instead
    const purpose = epidemic && from > until ? (fitting ?? 'GENERAL') : drawnPurpose;
    const pledgedOn = from > until ? random.int(earliest, latest) : random.int(from, until);

    const amountYuan = random.logInt(500, DONOR_CEILING_YUAN[donor.type] ?? 500_000);
    const split = random.weighted(SPLIT_WEIGHTS);
    const cashYuan =
      split === 'CASH'
        ? roundYuan(amountYuan)
        : split === 'IN_KIND'
          ? 0
          : roundYuan(Math.round(amountYuan * (0.1 + 0.8 * random.next())));
    const cashFen = cashYuan * 100;
    const inKindFen = split === 'CASH' ? 0 : Math.max(1, (amountYuan - cashYuan) * 100 + random.int(0, 99));
    const totalFen = cashFen + inKindFen;
    const deliveredFen =
      status === 'DELIVERED' || status === 'VERIFIED'
        ? totalFen
        : status === 'PARTIALLY_DELIVERED'
          ? Math.min(totalFen - 1, Math.max(1, Math.floor(totalFen * (0.1 + 0.8 * random.next()))))
          : 0;
    const deliveredOn = deliveredFen > 0 ? Math.min(LAST_DAY, pledgedOn + random.int(0, 180)) : null;
    const id = this.id('donation', i);

    if (deliveredOn !== null && random.chance(0.1))
      tranches.push(...this.tranches(i, id, deliveredFen, pledgedOn, deliveredOn, random));

    return {
      id,
      donorId: donor.id,
      donorName: donor.name,
      recipientId: this.organizations[recipient]!.id,
      projectId: projectIndex === null ? null : this.id('project', projectIndex),
      purpose,
      status,
      pledgedOn: fromDay(pledgedOn),
      deliveredOn: deliveredOn === null ? null : fromDay(deliveredOn),
      cash: yuan(cashFen),
      inKind: yuan(inKindFen),
      total: yuan(totalFen),
      delivered: yuan(deliveredFen),
      inKindDescription: inKindFen > 0 ? inKindDescription(inKindFen, random) : null,
      provenanceKind: 'SYNTHETIC',
      sourceId: null,
    };
  }

  trainingSession(i: number): TrainingSessionRow {
    const random = this.random.trainingSessions;
    const organizer = this.organizations[random.pick(this.trainers)]!;
    const format = this.coverage.draw('training.format', trainingFormat.enumValues, () =>
      random.weighted(TRAINING_FORMAT_WEIGHTS),
    );
    const first = this.coverage.draw('training.audience', trainingAudience.enumValues, () =>
      random.pick(trainingAudience.enumValues),
    );
    const audiences = [
      first,
      ...random.sample(
        trainingAudience.enumValues.filter((a) => a !== first),
        random.int(0, 2),
      ),
    ];
    const startsOn = random.int(PLAN_FIRST_DAY, PLAN_LAST_DAY);
    const remote = format === 'ONLINE_CLASS' || format === 'NEW_MEDIA';
    const county = random.chance(0.7) ? organizer.county : random.pick(this.counties);
    const year = fromDay(startsOn).slice(0, 4);
    const round = random.chance(0.3) ? `（第${random.int(1, 12)}期）` : '';
    const session = {
      id: this.id('training-session', i),
      title: `${year}年${random.chance(0.5) ? county.city : county.name}${AUDIENCE_LABELS[first]}${FORMAT_LABELS[format]}${round}`,
      organizerId: organizer.id,
      format,
      audiences,
      topics: random.sample(TRAINING_TOPICS, random.int(1, 4)),
      regionCode: county.code,
      startsOn: fromDay(startsOn),
      endsOn: random.chance(0.25) ? null : fromDay(Math.min(PLAN_LAST_DAY, startsOn + random.int(0, remote ? 60 : 4))),
      participantCount: remote ? random.logInt(200, 2_000) : random.logInt(20, 300),
      provenanceKind: 'SYNTHETIC',
      sourceId: null,
    } satisfies TrainingSessionRow;
    const province = provinceOf(county.code);
    this.trainedByProvince.set(province, (this.trainedByProvince.get(province) ?? 0) + session.participantCount);
    return session;
  }

  /**
   * Made once the organizations and training sessions are. Each organization but enterprises and
   * government agencies gets, for each of METRIC_YEARS, has_charter (1 or 0; registered ones always
   * 1, the others keep a charter once adopted) and either committee_reviews (community organizations,
   * which report to the village/community committees: 0–12 a year) or information_disclosure (the
   * others: the share of required disclosures made, as a ratio to four decimals); and, for the last
   * year, registration_status (none once deregistered) and evaluation_grade (graded ones only) as its
   * row says. Each province hosting an organization gets the training target for the whole period
   * (20,000–150,000 person-times, in thousands) beside the exact person-times of the sessions held
   * there that started in it.
   */
  governanceMetrics(): GovernanceMetricRow[] {
    const random = this.random.governanceMetrics;
    const first = METRIC_YEARS[0];
    const last = METRIC_YEARS[METRIC_YEARS.length - 1]!;
    const metrics: GovernanceMetricRow[] = [];
    this.organizations.forEach((organization, i) => {
      if (organization.type === 'ENTERPRISE' || organization.type === 'GOVERNMENT_AGENCY') return;
      const metric = (indicator: string, year: number, value: string): GovernanceMetricRow => ({
        id: this.id(`organization-metric:${indicator}`, i, year),
        indicatorCode: indicator,
        scope: 'ORGANIZATION',
        organizationId: organization.id,
        regionCode: null,
        periodStart: `${year}-01-01`,
        periodEnd: `${year}-12-31`,
        value,
        target: null,
        provenanceKind: 'SYNTHETIC',
        sourceId: null,
      });
      const { registration, grade } = organization;
      const charterSince =
        registration === 'REGISTERED' ||
        registration === 'DEREGISTERED' ||
        random.chance(registration === 'FILED' ? 0.8 : 0.55)
          ? first
          : random.chance(0.5)
            ? random.int(first + 1, last)
            : null;
      const community = organization.type === 'COMMUNITY_ORGANIZATION';
      const diligence = 0.5 + 0.5 * random.next();
      for (const year of METRIC_YEARS) {
        metrics.push(metric('has_charter', year, charterSince !== null && year >= charterSince ? '1' : '0'));
        if (community) {
          metrics.push(metric('committee_reviews', year, String(random.int(0, 12))));
        } else {
          const required = random.pick(DISCLOSURES_REQUIRED);
          const made = Math.min(required, Math.round(required * diligence * (0.85 + 0.3 * random.next())));
          metrics.push(metric('information_disclosure', year, ratio((made * 10_000) / required)));
        }
      }
      if (registration !== 'DEREGISTERED')
        metrics.push(metric('registration_status', last, String(REGISTRATION_CODES[registration])));
      if (grade !== null) metrics.push(metric('evaluation_grade', last, String(GRADE_NUMBERS[grade])));
    });
    const provinces = [...new Set(this.organizations.map((o) => provinceOf(o.county.code)))].sort();
    for (const province of provinces) {
      metrics.push({
        id: this.id(`region-metric:${TRAINING_TARGET_INDICATOR}`, Number(province)),
        indicatorCode: TRAINING_TARGET_INDICATOR,
        scope: 'REGION',
        organizationId: null,
        regionCode: province,
        periodStart: `${first}-01-01`,
        periodEnd: `${last}-12-31`,
        value: String(this.trainedByProvince.get(province) ?? 0),
        target: String(random.int(20, 150) * 1_000),
        provenanceKind: 'SYNTHETIC',
        sourceId: null,
      });
    }
    return metrics;
  }

  /** Mostly enterprises and foundations, the earlier ones more often; never the recipient itself. */
  private donor(recipient: number, random: Random): number {
    const pool = this.donors[random.weighted(DONOR_POOL_WEIGHTS)];
    const candidates = pool.length > 0 ? pool : this.runners;
    const chosen = candidates[Math.floor(candidates.length * random.next() ** 1.5)]!;
    if (chosen !== recipient) return chosen;
    return candidates.length > 1
      ? candidates[(candidates.indexOf(chosen) + 1) % candidates.length]!
      : (chosen + 1) % this.organizations.length;
  }

  /** 1–3 positive tranches that add up to `deliveredFen`, dated from the pledge to the delivery, the last on it. */
  private tranches(
    donation: number,
    donationId: string,
    deliveredFen: number,
    pledgedOn: number,
    deliveredOn: number,
    random: Random,
  ): DisbursementRow[] {
    const count = Math.min(random.int(1, 3), deliveredFen);
    const cuts = new Set<number>();
    while (cuts.size < count - 1) cuts.add(random.int(1, deliveredFen - 1));
    const bounds = [0, ...[...cuts].sort((a, b) => a - b), deliveredFen];
    const days = [
      ...Array.from({ length: count - 1 }, () => random.int(pledgedOn, deliveredOn)).sort((a, b) => a - b),
      deliveredOn,
    ];
    return days.map((day, k) => ({
      id: this.id('disbursement', donation, k),
      donationId,
      amount: yuan(bounds[k + 1]! - bounds[k]!),
      disbursedOn: fromDay(day),
      description: count === 1 ? '一次性到账' : `第${k + 1}笔到账（共${count}笔）`,
      provenanceKind: 'SYNTHETIC',
      sourceId: null,
    }));
  }

  private serviceAreas(type: OrganizationType, isHub: boolean, random: Random): ServiceArea[] {
    if (type === 'ENTERPRISE') return random.chance(0.3) ? [random.pick(serviceArea.enumValues)] : [];
    if (isHub)
      return [
        'CAPACITY_BUILDING',
        ...random.sample(
          serviceArea.enumValues.filter((a) => a !== 'CAPACITY_BUILDING'),
          random.int(0, 2),
        ),
      ];
    const first = this.coverage.draw('organization.serviceArea', serviceArea.enumValues, () =>
      random.pick(serviceArea.enumValues),
    );
    return [
      first,
      ...random.sample(
        serviceArea.enumValues.filter((a) => a !== first),
        random.int(0, 3),
      ),
    ];
  }

  private uniqueName(name: string): string {
    let unique = name;
    for (let n = 2; this.names.has(unique); n += 1) unique = `${name}（${n}）`;
    this.names.add(unique);
    return unique;
  }

  /** GB 32100: authority and kind, the county code, a 9-character body, and the check character. */
  private uniqueCreditCode(prefix: string, countyCode: string, random: Random): string {
    for (;;) {
      let body = '';
      for (let k = 0; k < 9; k += 1) body += random.pick(CREDIT_CODE_ALPHABET);
      const code = withCheckCharacter(`${prefix}${countyCode}${body}`);
      if (!this.creditCodes.has(code)) {
        this.creditCodes.add(code);
        return code;
      }
    }
  }
}

/**
 * Walks each field once through all its values before drawing at random, so that even a small set
 * has a row for every filter value.
 */
class Coverage {
  private readonly drawn = new Map<string, number>();

  draw<T>(field: string, values: readonly T[], otherwise: () => T): T {
    const n = this.drawn.get(field) ?? 0;
    this.drawn.set(field, n + 1);
    return n < values.length ? values[n]! : otherwise();
  }
}

/** Counties from GB/T 2260, without the placeholder 市辖区 rows. */
function counties(): County[] {
  const regions = loadRegions();
  const byCode = new Map<string, RegionRow>(regions.map((r) => [r.code, r]));
  return regions
    .filter((r) => r.level === 3 && r.name !== '市辖区')
    .map((r) => {
      const parent = byCode.get(r.parentCode ?? '');
      const province = byCode.get(`${r.code.slice(0, 2)}0000`);
      const city = parent && !parent.name.includes('直辖') ? parent.name : (province?.name ?? r.name);
      return { code: r.code, name: r.name, city };
    });
}

/** the province (level-1 region) code of a county code */
function provinceOf(countyCode: string): string {
  return `${countyCode.slice(0, 2)}0000`;
}

/** days since 1970-01-01 of an ISO date */
function toDay(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000;
}

/** ISO date of a day number */
function fromDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** yuan with two decimals, from whole fen */
function yuan(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`not a whole number of fen: ${fen}`);
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

/** a ratio with four decimals, from whole ten-thousandths */
function ratio(tenThousandths: number): string {
  if (!Number.isInteger(tenThousandths) || tenThousandths < 0 || tenThousandths > 10_000) {
    throw new RangeError(`not a ratio in ten-thousandths: ${tenThousandths}`);
  }
  return `${Math.floor(tenThousandths / 10_000)}.${String(tenThousandths % 10_000).padStart(4, '0')}`;
}

/** whole yuan rounded as people round amounts: to the hundred above 10,000 yuan */
function roundYuan(amount: number): number {
  return amount >= 10_000 ? Math.round(amount / 100) * 100 : amount;
}

/**
 * A name no real public body has. Government bodies, party bodies and people's organizations are
 * named by place and function alone (…民政局, …红十字会, …慈善总会), so every synthetic social
 * organization carries a trade name (字号) between its place and its function, as privately founded
 * ones do; a draw of a government agency names a research or evaluation centre instead (see
 * `organization`); an enterprise's two-character brand is never part of a reported organization's
 * name nor a well-known brand. `random` draws as it always has; the trade names and any brand drawn
 * again come from `names`, so changing them changes no other row.
 */
function organizationName(
  drawn: OrganizationType,
  isHub: boolean,
  industry: Industry | null,
  area: ServiceArea | undefined,
  county: County,
  random: Random,
  names: Random,
): string {
  const place = random.weighted({ city: 35, county: 35, both: 30 });
  const prefix = place === 'city' ? county.city : place === 'county' ? county.name : `${county.city}${county.name}`;
  const theme = random.pick(THEMES[area ?? 'COMMUNITY_SERVICE']);
  switch (drawn) {
    case 'ENTERPRISE': {
      const [first, second] = random.sample(BRAND_CHARACTERS, 2);
      let brand = `${first}${second}`;
      while (TAKEN_BRANDS.has(brand)) brand = names.sample(BRAND_CHARACTERS, 2).join('');
      return `${county.city.replace(/[市省]$/, '')}${brand}${random.pick(INDUSTRIES[industry ?? 'C'])}${random.pick(COMPANY_SUFFIXES)}`;
    }
    case 'GOVERNMENT_AGENCY':
      return random.chance(0.4)
        ? `${county.name}${names.pick(TRADE_NAMES)}${random.pick(SUPPORT_CENTRES)}`
        : `${prefix}${names.pick(TRADE_NAMES)}${random.pick(SUPPORT_CENTRES)}`;
    case 'COMMUNITY_ORGANIZATION':
      return `${county.name}${random.pick(COMMUNITIES)}${random.pick(COMMUNITY_SUFFIXES)}`;
    case 'SOCIAL_GROUP':
    case 'SOCIAL_SERVICE_AGENCY':
      return isHub
        ? `${prefix}${names.pick(TRADE_NAMES)}${random.pick(HUB_SUFFIXES[drawn])}`
        : `${prefix}${names.pick(TRADE_NAMES)}${ofTheme(theme, random.pick(KIND_SUFFIXES[drawn]))}`;
    case 'FOUNDATION':
      return `${prefix}${names.pick(TRADE_NAMES)}${ofTheme(theme, random.pick(KIND_SUFFIXES.FOUNDATION))}`;
    case 'OTHER':
      return `${prefix}${names.pick(TRADE_NAMES)}${random.pick(OTHER_NAMES)}`;
  }
}

/** a theme and a kind of body, without saying 发展 twice (教育发展 + 发展中心) */
function ofTheme(theme: string, suffix: string): string {
  return theme.endsWith('发展') && suffix.startsWith('发展') ? `${theme}${suffix.slice(2)}` : `${theme}${suffix}`;
}

function projectName(category: ProjectCategory, county: County, startsOn: number, random: Random): string {
  const place = random.chance(0.5) ? county.name : county.city;
  const year = fromDay(startsOn).slice(0, 4);
  const topic = random.pick(PROJECT_TOPICS[category]);
  switch (category) {
    case 'VENTURE_PHILANTHROPY':
      return `${year}年${place}公益创投·${topic}项目`;
    case 'GOVERNMENT_PURCHASED_SERVICE':
      return `${year}年${place}政府购买${topic}服务项目`;
    case 'NEIGHBOURHOOD_CARE':
      return `邻里守望·${place}${topic}行动`;
    case 'COMMUNITY_CONSULTATION':
      return `共建共治共享·${place}${topic}项目`;
    case 'COMMUNITY_SAFETY':
      return `共创平安·${place}${topic}项目`;
    case 'CULTURE':
      return `文化铸魂·${place}${topic}项目`;
    case 'PATRIOTIC_HEALTH':
      return `${place}爱国卫生运动·${topic}项目`;
    default:
      return `${place}${topic}项目`;
  }
}

function reportSummary(reached: number, random: Random): string {
  const [activity, unit] = random.pick(REPORT_ACTIVITIES);
  return `本期开展${activity}${random.logInt(3, 300)}${unit}，服务${reached}人次，${random.pick(REPORT_OUTCOMES)}。`;
}

/** goods worth about `valueFen` */
function inKindDescription(valueFen: number, random: Random): string {
  const [goods, unit, unitPriceYuan] = random.pick(IN_KIND_GOODS);
  return `${goods}${Math.max(1, Math.round(valueFen / (unitPriceYuan * 100)))}${unit}`;
}

const CREDIT_CODE_ALPHABET = [...'0123456789ABCDEFGHJKLMNPQRTUWXY'];

/** registering authority and kind of body: 5x civil affairs (1 social group, 2 service agency, 3 foundation, 9 other), 91 enterprise, 11 government */
const CREDIT_CODE_PREFIX: Record<OrganizationType, string> = {
  SOCIAL_GROUP: '51',
  SOCIAL_SERVICE_AGENCY: '52',
  FOUNDATION: '53',
  COMMUNITY_ORGANIZATION: '59',
  OTHER: '59',
  ENTERPRISE: '91',
  GOVERNMENT_AGENCY: '11',
};

const ORGANIZATION_TYPE_WEIGHTS: Record<OrganizationType, number> = {
  SOCIAL_GROUP: 22,
  SOCIAL_SERVICE_AGENCY: 25,
  FOUNDATION: 10,
  COMMUNITY_ORGANIZATION: 25,
  ENTERPRISE: 13,
  GOVERNMENT_AGENCY: 3,
  OTHER: 2,
};

const COMMUNITY_REGISTRATION_WEIGHTS = { REGISTERED: 20, FILED: 40, COMMUNITY_GUIDED: 36, DEREGISTERED: 4 } as const;

const GRADE_WEIGHTS = { GRADE_5A: 10, GRADE_4A: 25, GRADE_3A: 40, GRADE_2A: 15, GRADE_1A: 10 } as const;

/** the registration_status indicator's codes; a deregistered organization has none */
const REGISTRATION_CODES: Record<Exclude<RegistrationStatus, 'DEREGISTERED'>, number> = {
  REGISTERED: 1,
  FILED: 2,
  COMMUNITY_GUIDED: 3,
};

/** the evaluation_grade indicator's values: the number of A's */
const GRADE_NUMBERS: Record<EvaluationGrade, number> = {
  GRADE_5A: 5,
  GRADE_4A: 4,
  GRADE_3A: 3,
  GRADE_2A: 2,
  GRADE_1A: 1,
};

/** how many disclosures a year an organization may owe; each divides 10,000, so made/required is exact to four decimals */
const DISCLOSURES_REQUIRED = [4, 5, 8, 10, 16, 20] as const;

/** GB/T 4754 sections and words an enterprise in each is named with. */
const INDUSTRIES = {
  A: ['农业', '牧业', '种业'],
  B: ['矿业', '煤业'],
  C: ['制造', '乳业', '食品', '电子', '药业', '服饰'],
  D: ['电力', '燃气', '新能源'],
  E: ['建设', '建筑工程'],
  F: ['商贸', '贸易'],
  G: ['物流', '运输'],
  H: ['酒店管理', '餐饮'],
  I: ['科技', '信息技术', '网络科技', '软件'],
  J: ['投资', '金融服务'],
  K: ['置业', '房地产开发'],
  L: ['商务咨询', '企业管理'],
  M: ['检测技术', '生物科技'],
  N: ['环保', '水务'],
  O: ['家政服务', '物业服务'],
  P: ['教育科技', '职业培训'],
  Q: ['医疗科技', '健康管理'],
  R: ['文化传媒', '影视'],
  S: ['社会服务'],
  T: ['国际合作'],
} as const;
const INDUSTRY_LETTERS = Object.keys(INDUSTRIES) as Industry[];
const INDUSTRY_WEIGHTS: Record<Industry, number> = {
  A: 4,
  B: 2,
  C: 25,
  D: 3,
  E: 6,
  F: 10,
  G: 5,
  H: 3,
  I: 15,
  J: 6,
  K: 6,
  L: 3,
  M: 3,
  N: 2,
  O: 2,
  P: 2,
  Q: 5,
  R: 3,
  S: 0.5,
  T: 0.5,
};

const BRAND_CHARACTERS = [...'华恒瑞鑫达通安康远博盛泰宏信德新天海云创联嘉隆鼎源润智锐晟维'];
/** Brands an enterprise of the synthetic set may not take: any pair of BRAND_CHARACTERS in a reported organization's name, and well-known ones they can spell. */
const TAKEN_BRANDS: ReadonlySet<string> = new Set([
  ...BRAND_CHARACTERS.flatMap((first) =>
    BRAND_CHARACTERS.map((second) => `${first}${second}`).filter((brand) =>
      reportedOrganizations.some((o) => o.name.includes(brand)),
    ),
  ),
  ...[
    '华润',
    '华新',
    '恒瑞',
    '康泰',
    '华信',
    '华远',
    '新华',
    '宏达',
    '泰康',
    '安泰',
    '天海',
    '海信',
    '联创',
    '德康',
    '通达',
  ],
]);
/** Trade names (字号) of privately founded social organizations; never a place, a person or a body's name. */
const TRADE_NAMES = [
  '启航',
  '益心',
  '善行',
  '同心',
  '知行',
  '青禾',
  '向暖',
  '微光',
  '星火',
  '乐群',
  '众益',
  '和美',
  '朗润',
  '晨曦',
  '扬帆',
  '益行',
  '心语',
  '暖阳',
  '致远',
  '新苗',
  '蒲公英',
  '向日葵',
  '萤火虫',
  '同行',
  '悦邻',
  '汇智',
  '守望',
  '益路',
];
const COMPANY_SUFFIXES = ['有限公司', '有限公司', '股份有限公司', '集团有限公司'];

const THEMES: Record<ServiceArea, readonly string[]> = {
  ELDERLY_CARE: ['养老服务', '老年关爱', '银龄互助', '居家养老'],
  CHILD_WELFARE: ['儿童关爱', '青少年发展', '困境儿童帮扶', '儿童成长'],
  DISABILITY_SERVICES: ['残疾人康复', '助残服务', '心智障碍者关爱'],
  POVERTY_ALLEVIATION: ['乡村振兴', '扶贫济困', '产业帮扶'],
  EDUCATION: ['助学', '教育发展', '阅读推广'],
  HEALTH: ['健康促进', '心理健康', '卫生健康'],
  ENVIRONMENT: ['环境保护', '绿色发展', '垃圾分类'],
  COMMUNITY_SERVICE: ['社区服务', '邻里互助', '社区发展'],
  CULTURE: ['文化艺术', '传统文化', '文体'],
  PUBLIC_SAFETY: ['平安建设', '应急救援', '矛盾调解'],
  DISASTER_RELIEF: ['应急救灾', '防灾减灾', '救援'],
  VOLUNTEERING: ['志愿服务', '青年志愿者', '义工'],
  LEGAL_AID: ['法律援助', '法律服务', '普法'],
  CAPACITY_BUILDING: ['社会组织发展', '公益发展', '社会工作'],
};

/** What a research or evaluation centre is called; see `organization` for why government-agency draws make these. */
const SUPPORT_CENTRES = ['社会组织评估中心', '社会工作研究中心', '公益发展研究院', '社会治理研究中心'];

const KIND_SUFFIXES = {
  SOCIAL_GROUP: ['协会', '促进会', '联合会', '研究会'],
  SOCIAL_SERVICE_AGENCY: ['社会工作服务中心', '服务中心', '发展中心', '服务社'],
  FOUNDATION: ['基金会', '慈善基金会', '公益基金会', '发展基金会'],
} as const;
const HUB_SUFFIXES = {
  SOCIAL_GROUP: ['公益组织联合会', '社区公益促进会', '社会组织发展促进会'],
  SOCIAL_SERVICE_AGENCY: ['社会组织孵化中心', '公益组织支持中心', '公益创投孵化园'],
} as const;
const COMMUNITIES = [
  '幸福社区',
  '和平社区',
  '阳光社区',
  '新华社区',
  '光明社区',
  '友谊社区',
  '向阳社区',
  '长安社区',
  '桃源社区',
  '滨江社区',
  '金桥社区',
  '建设村',
  '团结村',
  '东风村',
  '红星村',
  '新民村',
  '前进村',
  '胜利村',
];
const COMMUNITY_SUFFIXES = [
  '邻里互助会',
  '志愿服务队',
  '老年协会',
  '文体队',
  '居民议事会',
  '巾帼志愿队',
  '爱心帮扶队',
  '睦邻服务社',
  '妈妈互助会',
  '平安巡防队',
];
const OTHER_NAMES = ['社会工作研究院', '公益服务社', '志愿服务站', '社区发展研究中心'];

const PROJECT_CATEGORY_WEIGHTS: Record<ProjectCategory, number> = {
  VENTURE_PHILANTHROPY: 10,
  GOVERNMENT_PURCHASED_SERVICE: 18,
  POVERTY_ALLEVIATION: 14,
  NEIGHBOURHOOD_CARE: 12,
  COMMUNITY_CONSULTATION: 7,
  COMMUNITY_SAFETY: 7,
  CULTURE: 7,
  PATRIOTIC_HEALTH: 7,
  EPIDEMIC_RESPONSE: 6,
  CAPACITY_BUILDING: 8,
  OTHER: 4,
};

const PROJECT_TOPICS: Record<ProjectCategory, readonly string[]> = {
  VENTURE_PHILANTHROPY: ['困境儿童关爱', '社区养老', '残疾人就业', '青少年成长', '社区环保'],
  GOVERNMENT_PURCHASED_SERVICE: ['居家养老', '社区矫正', '困境儿童关爱', '社区社会工作', '残疾人康复', '禁毒社会工作'],
  POVERTY_ALLEVIATION: ['产业帮扶', '消费扶贫', '易地搬迁社区融入', '教育帮扶', '健康帮扶'],
  NEIGHBOURHOOD_CARE: ['空巢老人探访', '困境儿童关爱', '残疾人结对帮扶', '留守人员陪伴'],
  COMMUNITY_CONSULTATION: ['居民议事厅', '协商议事会', '楼道自治'],
  COMMUNITY_SAFETY: ['矛盾纠纷调解', '社区防疫志愿', '平安巡防', '反诈宣传'],
  CULTURE: ['社区文化节', '红色文化宣讲', '非遗传承', '全民阅读'],
  PATRIOTIC_HEALTH: ['垃圾分类', '病媒生物防制', '健康教育', '心理健康服务', '环境卫生整治'],
  EPIDEMIC_RESPONSE: ['新冠肺炎疫情防控', '抗疫物资援助', '复工复产支持'],
  CAPACITY_BUILDING: ['社区社会组织能力提升', '社区社会组织培育孵化', '社区骨干人才培训'],
  OTHER: ['公益服务', '综合帮扶', '志愿服务'],
};

const FUNDING_CHANNEL_WEIGHTS = {
  GOVERNMENT_PURCHASE: 30,
  VENTURE_PHILANTHROPY: 15,
  SOCIAL_SUPPORT: 30,
  WORK_FUNDS: 20,
  OTHER: 5,
} as const;

const PROJECT_STATUS_WEIGHTS = { PLANNED: 8, ACTIVE: 25, COMPLETED: 55, SUSPENDED: 6, CANCELLED: 6 } as const;

/** the days a project in each status may start on, relative to AS_OF */
const PROJECT_STARTS: Record<(typeof projectStatus.enumValues)[number], readonly [number, number]> = {
  PLANNED: [AS_OF + 1, LAST_DAY],
  ACTIVE: [toDay('2022-01-01'), AS_OF],
  COMPLETED: [FIRST_DAY, toDay('2023-12-31')],
  SUSPENDED: [toDay('2019-01-01'), toDay('2024-03-31')],
  CANCELLED: [FIRST_DAY, AS_OF],
};

const REPORT_ACTIVITIES: ReadonlyArray<readonly [string, string]> = [
  ['入户探访', '次'],
  ['小组活动', '场'],
  ['社区宣传', '场'],
  ['骨干培训', '期'],
  ['个案服务', '例'],
  ['志愿服务', '小时'],
];
const REPORT_OUTCOMES = [
  '项目按计划推进',
  '完成年度目标过半',
  '服务对象满意度达95%以上',
  '形成可复制的服务模式',
  '已通过第三方中期评估',
];

const DONOR_POOL_WEIGHTS = { ENTERPRISE: 60, FOUNDATION: 30, OTHER: 10 } as const;

/** the largest gift, in yuan, a donor of each type makes */
const DONOR_CEILING_YUAN: Partial<Record<OrganizationType, number>> = { ENTERPRISE: 50_000_000, FOUNDATION: 5_000_000 };

const SPLIT_WEIGHTS = { CASH: 45, IN_KIND: 20, BOTH: 35 } as const;

const DONATION_STATUS_WEIGHTS = {
  PLEDGED: 12,
  PARTIALLY_DELIVERED: 10,
  DELIVERED: 35,
  VERIFIED: 38,
  CANCELLED: 5,
} as const;

const PURPOSE_WEIGHTS: Record<DonationPurpose, number> = {
  EPIDEMIC_RESPONSE: 10,
  POVERTY_ALLEVIATION: 15,
  DISASTER_RELIEF: 6,
  EDUCATION: 14,
  HEALTH: 8,
  ELDERLY_CARE: 10,
  CHILD_WELFARE: 10,
  COMMUNITY_DEVELOPMENT: 10,
  ENVIRONMENT: 5,
  CULTURE: 4,
  GENERAL: 8,
};

const PURPOSE_OF_CATEGORY: Partial<Record<ProjectCategory, DonationPurpose>> = {
  POVERTY_ALLEVIATION: 'POVERTY_ALLEVIATION',
  EPIDEMIC_RESPONSE: 'EPIDEMIC_RESPONSE',
  CULTURE: 'CULTURE',
  PATRIOTIC_HEALTH: 'HEALTH',
  NEIGHBOURHOOD_CARE: 'ELDERLY_CARE',
  COMMUNITY_CONSULTATION: 'COMMUNITY_DEVELOPMENT',
  COMMUNITY_SAFETY: 'COMMUNITY_DEVELOPMENT',
  CAPACITY_BUILDING: 'COMMUNITY_DEVELOPMENT',
};

/** goods, their unit, and the yuan one unit is worth */
const IN_KIND_GOODS: ReadonlyArray<readonly [string, string, number]> = [
  ['医用口罩', '万只', 5_000],
  ['防护服', '套', 100],
  ['消毒液', '箱', 200],
  ['羽绒服', '件', 500],
  ['米面粮油', '吨', 6_000],
  ['图书', '册', 30],
  ['学习用品', '套', 50],
  ['电脑', '台', 4_000],
  ['奶制品', '箱', 60],
  ['医疗器械', '台', 20_000],
  ['轮椅', '辆', 800],
  ['棉被', '床', 150],
];

const TRAINING_FORMAT_WEIGHTS = {
  DEMONSTRATION: 20,
  ONLINE_CLASS: 30,
  NEW_MEDIA: 15,
  WORKSHOP: 20,
  FORUM: 10,
  OTHER: 5,
} as const;

const FORMAT_LABELS: Record<(typeof trainingFormat.enumValues)[number], string> = {
  DEMONSTRATION: '示范培训班',
  ONLINE_CLASS: '网上课堂',
  NEW_MEDIA: '新媒体教学',
  WORKSHOP: '工作坊',
  FORUM: '论坛',
  OTHER: '专题培训',
};

const AUDIENCE_LABELS: Record<(typeof trainingAudience.enumValues)[number], string> = {
  CIVIL_AFFAIRS_ASSISTANTS: '民政助理',
  COMMUNITY_WORKERS: '社区工作者',
  CHILD_DIRECTORS: '儿童主任',
  COMMUNITY_ORGANIZATION_LEADERS: '社区社会组织负责人',
  COMMUNITY_SOCIAL_WORKERS: '社区社会工作者',
  VOLUNTEERS: '志愿者',
  OTHER: '基层干部',
};

const TRAINING_TOPICS = [
  '社区社会组织培育',
  '项目设计与管理',
  '财务管理与信息公开',
  '社会工作实务',
  '志愿服务管理',
  '儿童关爱保护',
  '养老服务',
  '疫情防控',
  '社区议事协商',
  '矛盾纠纷调解',
  '垃圾分类',
  '心理健康',
  '政策解读',
  '党建引领',
];
