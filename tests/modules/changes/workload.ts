import type { TestServer } from '../../support/server';
import type { Writers } from '../../support/writers';
import {
  CANCEL_DONATION,
  CORRECT_DONATION,
  RECORD_DISBURSEMENT,
  RECORD_DONATION,
  RECORD_GOVERNANCE_METRIC,
  RECORD_TRAINING_SESSION,
  SUBMIT_PROJECT_REPORT,
  UPSERT_PROJECT,
  VERIFY_DONATION,
} from './documents';

/**
 * Writers that share what they wrote, so one worker's donation is another's to pay, verify,
 * correct or cancel: a mutation on a stale version is refused (VERSION_CONFLICT, or a tranche
 * beyond what is outstanding), counts for nothing, and the worker reads the record again.
 */

const DONATION_STATE = /* GraphQL */ `
  query DonationState($id: ID!) {
    donation(id: $id) {
      version
      status
      total {
        value
      }
      cash {
        value
      }
      delivered {
        value
      }
    }
  }
`;

const PROJECT_STATE = /* GraphQL */ `
  query ProjectState($id: ID!) {
    project(id: $id) {
      version
    }
  }
`;

/** Deterministic numbers in [0, 1), one stream per worker (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** fen to yuan with two decimals */
const yuan = (fen: bigint): string => `${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`;
const fenOf = (value: string): bigint => BigInt(value.replace('.', ''));
const day = (from: string, days: number): string =>
  new Date(Date.parse(`${from}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

interface KnownDonation {
  id: string;
  recipient: 'grantee' | 'other';
  version: number;
  status: string;
  total: bigint;
  delivered: bigint;
  split: boolean;
}

interface KnownProject {
  id: string;
  organization: 'grantee' | 'other';
  version: number;
}

/** What one attempt sends, and what it learns when it is written. */
interface Attempt {
  mutation: string;
  document: string;
  input: Record<string, unknown>;
  headers: Record<string, string>;
  /** the donation or project whose state a refusal makes stale */
  stale?: { donation?: KnownDonation; project?: KnownProject };
  written?: (result: any) => void;
}

export interface WorkloadReport {
  /** successful writes by mutation */
  written: Record<string, number>;
  /** refused attempts by code */
  refused: Record<string, number>;
}

const PURPOSES = ['EDUCATION', 'HEALTH', 'ELDERLY_CARE', 'CHILD_WELFARE', 'COMMUNITY_DEVELOPMENT', 'GENERAL'];
const CATEGORIES = ['NEIGHBOURHOOD_CARE', 'COMMUNITY_CONSULTATION', 'CULTURE', 'CAPACITY_BUILDING', 'OTHER'];
const CHANNELS = ['GOVERNMENT_PURCHASE', 'VENTURE_PHILANTHROPY', 'SOCIAL_SUPPORT', 'OTHER'];
const PROJECT_STATUSES = ['PLANNED', 'ACTIVE', 'COMPLETED', 'SUSPENDED'];
const TARGET_GROUPS = ['EMPTY_NEST_ELDERLY', 'RURAL_LEFT_BEHIND', 'CHILDREN_IN_DIFFICULTY', 'PEOPLE_WITH_DISABILITIES'];
const FORMATS = ['DEMONSTRATION', 'ONLINE_CLASS', 'NEW_MEDIA', 'WORKSHOP', 'FORUM'];
const AUDIENCES = ['CIVIL_AFFAIRS_ASSISTANTS', 'COMMUNITY_WORKERS', 'CHILD_DIRECTORS', 'VOLUNTEERS'];
const INDICATORS = ['community_social_work_training_person_times', 'information_disclosure', 'committee_reviews'];
const REGIONS = ['110105', '310115', '440305'];

/**
 * Eight workers over HTTP, `writes` successful writes in all (split evenly): two with the
 * foundation's key recording, paying, correcting and cancelling donations; two with the staff
 * key verifying delivered donations, paying what is outstanding and recording national and
 * regional metrics; and two for each of the other organizations writing projects, reports,
 * training sessions and their own metrics. `projects` are the organizations' projects so far.
 */
export async function runWorkload(
  server: TestServer,
  writers: Writers,
  writes: number,
  projects: { grantee: string[]; other: string[] },
): Promise<WorkloadReport> {
  const donations: KnownDonation[] = [];
  const knownProjects: KnownProject[] = [
    ...projects.grantee.map((id) => ({ id, organization: 'grantee' as const, version: 1 })),
    ...projects.other.map((id) => ({ id, organization: 'other' as const, version: 1 })),
  ];
  const report: WorkloadReport = { written: {}, refused: {} };

  const refresh = async (stale: Attempt['stale']) => {
    if (stale?.donation) {
      const { body } = await server.query(DONATION_STATE, { id: stale.donation.id });
      const d = body.data.donation;
      Object.assign(stale.donation, {
        version: d.version,
        status: d.status,
        total: fenOf(d.total.value),
        delivered: fenOf(d.delivered.value),
        split: d.cash !== null,
      });
    }
    if (stale?.project) {
      const { body } = await server.query(PROJECT_STATE, { id: stale.project.id });
      stale.project.version = body.data.project.version;
    }
  };

  const worker = async (seed: number, share: number, next: (rand: () => number, n: number) => Attempt) => {
    const rand = random(seed);
    let done = 0;
    for (let attempts = 0; done < share; attempts++) {
      if (attempts > share * 4) throw new Error(`worker ${seed} wrote ${done} of ${share} in ${attempts} attempts`);
      const attempt = next(rand, done);
      const { body } = await server.query(attempt.document, { input: attempt.input }, attempt.headers);
      if (body.errors) throw new Error(`${attempt.mutation}: ${JSON.stringify(body.errors)}`);
      const result = body.data[attempt.mutation];
      if (result.code) {
        if (result.code !== 'VERSION_CONFLICT' && result.code !== 'INVALID') {
          throw new Error(`${attempt.mutation} refused: ${JSON.stringify(result)}`);
        }
        report.refused[result.code] = (report.refused[result.code] ?? 0) + 1;
        await refresh(attempt.stale);
        continue;
      }
      attempt.written?.(result);
      report.written[attempt.mutation] = (report.written[attempt.mutation] ?? 0) + 1;
      done++;
    }
  };

  const pick = <T>(rand: () => number, items: readonly T[]): T | undefined =>
    items.length === 0 ? undefined : items[Math.floor(rand() * items.length)];
  const amount = (rand: () => number, maxYuan: number) => BigInt(100 + Math.floor(rand() * maxYuan * 100));
  const open = () => donations.filter((d) => d.status === 'PLEDGED' || d.status === 'PARTIALLY_DELIVERED');
  const learn = (d: KnownDonation) => (result: any) => {
    d.version = result.donation.version;
    d.status = result.donation.status;
  };

  const foundation = writers.foundation.key.headers;
  const staff = writers.internal.headers;

  const recordDonation = (rand: () => number, n: number): Attempt => {
    const recipient = rand() < 0.5 ? ('grantee' as const) : ('other' as const);
    const total = amount(rand, 100_000);
    const split = rand() < 0.3;
    const inKind = split ? total / 4n : 0n;
    const project = pick(
      rand,
      knownProjects.filter((p) => p.organization === recipient),
    );
    return {
      mutation: 'recordDonation',
      document: RECORD_DONATION,
      headers: foundation,
      input: {
        donorId: writers.foundation.id,
        recipientId: writers[recipient].id,
        projectId: rand() < 0.8 ? project?.id : undefined,
        purpose: pick(rand, PURPOSES),
        pledgedOn: day('2026-01-01', Math.floor(rand() * 180)),
        total: yuan(total),
        ...(split ? { cash: yuan(total - inKind), inKind: yuan(inKind), inKindDescription: '图书与文具' } : {}),
        note: rand() < 0.5 ? `第 ${n} 笔` : undefined,
      },
      written: (result) =>
        donations.push({
          id: result.donation.id,
          recipient,
          version: result.donation.version,
          status: result.donation.status,
          total,
          delivered: 0n,
          split,
        }),
    };
  };

  const pay = (rand: () => number, headers: Record<string, string>, all: boolean): Attempt | undefined => {
    const d = pick(rand, open());
    if (!d) return undefined;
    const outstanding = d.total - d.delivered;
    const paid = all || rand() < 0.4 ? outstanding : 1n + BigInt(Math.floor(rand() * Number(outstanding)));
    return {
      mutation: 'recordDisbursement',
      document: RECORD_DISBURSEMENT,
      headers,
      input: { donationId: d.id, amount: yuan(paid), paidOn: day('2026-07-01', Math.floor(rand() * 60)), note: '到账' },
      stale: { donation: d },
      written: (result) => {
        d.delivered += paid;
        learn(d)(result);
      },
    };
  };

  const correct = (rand: () => number): Attempt | undefined => {
    const d = pick(
      rand,
      donations.filter((x) => x.status !== 'CANCELLED'),
    );
    if (!d) return undefined;
    const total = d.delivered + amount(rand, 10_000);
    const fields = d.split
      ? { purpose: pick(rand, PURPOSES), note: rand() < 0.5 ? null : '更正' }
      : { total: yuan(total), note: rand() < 0.5 ? null : '更正金额' };
    return {
      mutation: 'correctDonation',
      document: CORRECT_DONATION,
      headers: foundation,
      input: { id: d.id, expectedVersion: d.version, reason: '核对票据后更正', ...fields },
      stale: { donation: d },
      written: (result) => {
        if (!d.split) d.total = total;
        learn(d)(result);
      },
    };
  };

  const cancel = (rand: () => number): Attempt | undefined => {
    const d = pick(
      rand,
      donations.filter((x) => x.status !== 'CANCELLED'),
    );
    if (!d) return undefined;
    return {
      mutation: 'cancelDonation',
      document: CANCEL_DONATION,
      headers: foundation,
      input: { id: d.id, expectedVersion: d.version, reason: '捐赠方撤回' },
      stale: { donation: d },
      written: learn(d),
    };
  };

  const verify = (rand: () => number): Attempt | undefined => {
    const d = pick(
      rand,
      donations.filter((x) => x.status === 'DELIVERED'),
    );
    if (!d) return undefined;
    return {
      mutation: 'verifyDonation',
      document: VERIFY_DONATION,
      headers: staff,
      input: { id: d.id, expectedVersion: d.version, reason: '票据已核' },
      stale: { donation: d },
      written: learn(d),
    };
  };

  const metric = (rand: () => number, headers: Record<string, string>, organization?: 'grantee' | 'other'): Attempt => {
    const start = day('2025-01-01', Math.floor(rand() * 12) * 31);
    const scope = organization ? 'ORGANIZATION' : rand() < 0.5 ? 'NATIONAL' : 'REGION';
    return {
      mutation: 'recordGovernanceMetric',
      document: RECORD_GOVERNANCE_METRIC,
      headers,
      input: {
        indicatorCode: pick(rand, INDICATORS),
        scope,
        organizationId: organization ? writers[organization].id : undefined,
        regionCode: scope === 'REGION' ? pick(rand, REGIONS) : undefined,
        periodStart: start,
        periodEnd: day(start, 30),
        ...(rand() < 0.3 ? { target: '10000' } : { value: String(Math.floor(rand() * 10_000)) }),
        valueQualifier: rand() < 0.2 ? 'AT_LEAST' : undefined,
      },
    };
  };

  const partner =
    (organization: 'grantee' | 'other') =>
    (rand: () => number, n: number): Attempt => {
      const headers = writers[organization].key.headers;
      const own = knownProjects.filter((p) => p.organization === organization);
      const roll = rand();
      const projectFields = () => ({
        organizationId: writers[organization].id,
        name: `社区项目 ${organization} ${n}`,
        category: pick(rand, CATEGORIES),
        fundingChannel: pick(rand, CHANNELS),
        status: pick(rand, PROJECT_STATUSES),
        regionCode: rand() < 0.7 ? pick(rand, REGIONS) : undefined,
        startsOn: '2026-01-01',
        endsOn: rand() < 0.5 ? '2026-12-31' : undefined,
        budget: rand() < 0.7 ? yuan(amount(rand, 500_000)) : undefined,
        beneficiaryCount: rand() < 0.6 ? Math.floor(rand() * 2_000) : undefined,
        targetGroups: TARGET_GROUPS.filter(() => rand() < 0.3),
      });
      if (roll < 0.15) {
        return {
          mutation: 'upsertProject',
          document: UPSERT_PROJECT,
          headers,
          input: projectFields(),
          written: (result) => knownProjects.push({ id: result.project.id, organization, version: 1 }),
        };
      }
      if (roll < 0.3) {
        const p = pick(rand, own)!;
        return {
          mutation: 'upsertProject',
          document: UPSERT_PROJECT,
          headers,
          input: { id: p.id, expectedVersion: p.version, reason: '年度调整', ...projectFields() },
          stale: { project: p },
          written: (result) => (p.version = result.project.version),
        };
      }
      if (roll < 0.55) {
        const start = day('2026-01-01', Math.floor(rand() * 300));
        return {
          mutation: 'submitProjectReport',
          document: SUBMIT_PROJECT_REPORT,
          headers,
          input: {
            projectId: pick(rand, own)!.id,
            periodStart: start,
            periodEnd: day(start, 30),
            summary: `第 ${n} 期进展`,
            peopleReached: rand() < 0.8 ? Math.floor(rand() * 500) : undefined,
            spent: rand() < 0.8 ? yuan(amount(rand, 50_000)) : undefined,
          },
        };
      }
      if (roll < 0.8) {
        const start = day('2026-01-01', Math.floor(rand() * 300));
        return {
          mutation: 'recordTrainingSession',
          document: RECORD_TRAINING_SESSION,
          headers,
          input: {
            organizerId: writers[organization].id,
            title: `社工培训 ${n}`,
            format: pick(rand, FORMATS),
            audiences: AUDIENCES.filter(() => rand() < 0.4),
            topics: rand() < 0.5 ? ['个案工作', '社区治理'] : [],
            regionCode: rand() < 0.7 ? pick(rand, REGIONS) : undefined,
            startsOn: start,
            endsOn: rand() < 0.5 ? day(start, 2) : undefined,
            participantCount: 10 + Math.floor(rand() * 300),
          },
        };
      }
      return metric(rand, headers, organization);
    };

  const foundationWorker = (rand: () => number, n: number): Attempt => {
    const roll = rand();
    const attempt =
      roll < 0.35 ? undefined : roll < 0.7 ? pay(rand, foundation, false) : roll < 0.92 ? correct(rand) : cancel(rand);
    return attempt ?? recordDonation(rand, n);
  };

  const staffWorker = (rand: () => number): Attempt => {
    const roll = rand();
    const attempt = roll < 0.55 ? verify(rand) : roll < 0.8 ? pay(rand, staff, true) : undefined;
    return attempt ?? metric(rand, staff);
  };

  const share = writes / 8;
  await Promise.all([
    worker(1, share, foundationWorker),
    worker(2, share, foundationWorker),
    worker(3, share, staffWorker),
    worker(4, share, staffWorker),
    worker(5, share, partner('grantee')),
    worker(6, share, partner('grantee')),
    worker(7, share, partner('other')),
    worker(8, share, partner('other')),
  ]);
  return report;
}
