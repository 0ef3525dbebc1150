import { sql } from 'drizzle-orm';
import { rows } from '../../../src/db/client';
import type { TrainingSessionFilter } from '../../../src/generated/graphql';
import { DEFAULT_TIER_BUDGETS } from '../../../src/modules/access/tiers';
import { RegionDirectory } from '../../../src/modules/regions/directory';
import { findTrainingRollupDifferences } from '../../../src/modules/statistics/store';
import { trainingGrainAnswering } from '../../../src/modules/statistics/training-grains';
import {
  sessionsSource,
  sumTraining,
  sumTrainingPerPeriod,
  trainingSessionConditions,
} from '../../../src/modules/training-sessions/store';
import { trainingTimeline } from '../../../src/modules/training-sessions/timeline';
import { describeOnServer } from '../../support/needs-server';
import { startTestServer, type TestServer } from '../../support/server';
import { createWriters, type Writers } from '../../support/writers';

const BUDGETS = { ...DEFAULT_TIER_BUDGETS, ANONYMOUS: 1_000_000, PARTNER: 1_000_000, INTERNAL: 1_000_000 };

const RECORD = /* GraphQL */ `
  mutation Record($input: RecordTrainingSessionInput!) {
    recordTrainingSession(input: $input) {
      __typename
    }
  }
`;

const STATISTICS = /* GraphQL */ `
  query Statistics($filter: TrainingSessionFilter) {
    trainingProgress(filter: $filter) {
      sessionCount
      personTimes
      provenanceCounts {
        reported
        submitted
        synthetic
      }
    }
    trainingTimeline(interval: QUARTER, filter: $filter) {
      periods {
        key
        sessionCount
        personTimes
        cumulativePersonTimes
      }
    }
  }
`;

const session = (organizerId: string, i: number) => ({
  organizerId,
  title: `社区工作者培训 ${i}`,
  format: i % 2 === 0 ? 'DEMONSTRATION' : 'ONLINE_CLASS',
  audiences: ['COMMUNITY_WORKERS'],
  regionCode: i % 3 === 0 ? '110000' : '310000',
  startsOn: `2026-0${1 + (i % 6)}-15`,
  participantCount: 10 + (i % 50),
});

describe('training rollups stay equal to the sums over every session', () => {
  let t: TestServer;
  let w: Writers;
  beforeAll(async () => {
    t = await startTestServer({ access: { tierBudgets: BUDGETS } });
    w = await createWriters(t.database.db);
  });
  afterAll(() => t.close());

  /** One training filter's answer to `document`, and the statements sent for it. */
  const answered = async (document: string, filter: TrainingSessionFilter) => {
    const statements: string[] = [];
    const stop = t.database.watchStatements((text) => statements.push(text));
    try {
      const { body } = await t.query(document, { filter });
      expect(body.errors).toBeUndefined();
      return { data: body.data, sent: statements.join('\n') };
    } finally {
      stop();
    }
  };

  it('the demo data loaded by the seed is in the rollups, exactly, in every grain this code reads', async () => {
    const [{ n }] = (await rows<{ n: number }>(
      t.database.db,
      sql`select count(distinct grain)::int as n from training_rollups`,
    )) as [{ n: number }];
    expect(n).toBe(4);
    expect(await findTrainingRollupDifferences(t.database.db)).toEqual([]);
  });

  it('a session recorded through the API is in trainingProgress over the rollups on the next read', async () => {
    const filter = { regionCode: '110000', dateFrom: '2026-01-01', dateTo: '2026-01-31' };
    expect(trainingGrainAnswering(filter)?.grain).toBe(3);
    const progress = async () => {
      const { data, sent } = await answered(
        'query ($filter: TrainingSessionFilter) { trainingProgress(filter: $filter) { sessionCount personTimes } }',
        filter,
      );
      expect(sent).toMatch(/from "training_rollups"/);
      return data.trainingProgress as { sessionCount: number; personTimes: number };
    };
    const before = await progress();
    const written = await t.query(RECORD, { input: session(w.grantee.id, 0) }, w.grantee.key.headers);
    expect(written.body.data.recordTrainingSession.__typename).toBe('RecordTrainingSessionSuccess');
    expect(await progress()).toEqual({ sessionCount: before.sessionCount + 1, personTimes: before.personTimes + 10 });
  });

  it("counts trainingSessions' totalCount from the rollups when a grain keeps the filter, and the sessions when none does", async () => {
    const count = async (filter: TrainingSessionFilter) => {
      const { data, sent } = await answered(
        'query ($filter: TrainingSessionFilter) { trainingSessions(filter: $filter, first: 1) { totalCount } }',
        filter,
      );
      return { totalCount: data.trainingSessions.totalCount as number, sent };
    };
    const regions = await RegionDirectory.load(t.database.db);
    const counted = async (filter: TrainingSessionFilter) =>
      (await sumTraining(t.database.db, sessionsSource(trainingSessionConditions(filter, regions)), false))
        .sessionCount;
    const [busiest] = await rows<{ province: string }>(
      t.database.db,
      sql`select left(region_code, 2) || '0000' as province from training_sessions
          where region_code is not null group by 1 order by count(*) desc, 1 limit 1`,
    );
    const answerable: TrainingSessionFilter[] = [
      { dateFrom: '2021-01-01', dateTo: '2023-12-31', provenance: ['SYNTHETIC'] },
      { formats: ['ONLINE_CLASS'], regionCode: busiest!.province },
      { regionCode: busiest!.province, dateFrom: '2021-01-01', dateTo: '2023-12-31' },
    ];
    for (const filter of answerable) {
      const { totalCount, sent } = await count(filter);
      expect({ filter, totalCount }).toEqual({ filter, totalCount: await counted(filter) });
      expect(totalCount).toBeGreaterThan(0);
      expect(sent).toMatch(/from "training_rollups"/);
      expect(sent).not.toMatch(/count\(\*\)/);
    }
    // a range ending mid-month, or an audience, is no grain's: the sessions are counted
    for (const filter of [
      { dateFrom: '2021-01-01', dateTo: '2021-06-15' },
      { audiences: ['COMMUNITY_WORKERS' as const] },
    ]) {
      const { totalCount, sent } = await count(filter);
      expect({ filter, totalCount }).toEqual({ filter, totalCount: await counted(filter) });
      expect(sent).not.toMatch(/training_rollups/);
      expect(sent).toMatch(/count\(\*\)/);
    }
  });

  it('updates of every dimension, deletions and a rolled-back write keep the rollups exact', async () => {
    const db = t.database.db;
    await db.execute(sql`update training_sessions set participant_count = participant_count + 7
      where id in (select id from training_sessions order by id limit 5)`);
    await db.execute(sql`update training_sessions set format = 'ONLINE_CLASS', region_code = '440000',
      starts_on = starts_on - 40 where id in (select id from training_sessions order by id desc limit 5)`);
    await db.execute(sql`update training_sessions set provenance_kind = 'SUBMITTED'
      where id in (select id from training_sessions order by created_at limit 3)`);
    await db.execute(
      sql`delete from training_sessions where id in (select id from training_sessions order by title limit 2)`,
    );
    await db
      .transaction(async (tx) => {
        await tx.execute(sql`update training_sessions set participant_count = participant_count * 2`);
        throw new Error('rolled back');
      })
      .catch(() => {});
    expect(await findTrainingRollupDifferences(db)).toEqual([]);
  });
});

describe('every training grain answers what the sessions answer', () => {
  let t: TestServer;
  let province: string;
  let city: string;
  let organizerId: string;
  beforeAll(async () => {
    t = await startTestServer({ access: { tierBudgets: BUDGETS } });
    const [row] = await rows<{ region: string; organizer: string }>(
      t.database.db,
      sql`select (select region_code from training_sessions where region_code not like '%0000'
                  group by 1 order by count(*) desc, 1 limit 1) as region,
                 (select organizer_id from training_sessions group by 1 order by count(*) desc, 1 limit 1) as organizer`,
    );
    city = row!.region;
    province = `${city.slice(0, 2)}0000`;
    organizerId = Buffer.from(`Organization:${row!.organizer}`).toString('base64url');
  });
  afterAll(() => t.close());

  /** The same statistics read from the sessions alone, shaped as the API shapes them. */
  async function scanned(filter: TrainingSessionFilter) {
    const db = t.database.db;
    const source = sessionsSource(trainingSessionConditions(filter, await RegionDirectory.load(db)));
    const { sessionCount, personTimes, reported, submitted, synthetic } = await sumTraining(db, source, true);
    const periods = trainingTimeline('QUARTER', await sumTrainingPerPeriod(db, 'QUARTER', source), null).periods;
    return {
      trainingProgress: { sessionCount, personTimes, provenanceCounts: { reported, submitted, synthetic } },
      trainingTimeline: {
        periods: periods.map((p) => ({
          key: p.key,
          sessionCount: p.sessionCount,
          personTimes: p.personTimes,
          cumulativePersonTimes: p.cumulativePersonTimes,
        })),
      },
    };
  }

  const cases = (): Array<[string, number | null, () => TrainingSessionFilter]> => [
    ['every session', 0, () => ({})],
    ['synthetic sessions', 0, () => ({ provenance: ['SYNTHETIC'] })],
    ['a format', 1, () => ({ formats: ['DEMONSTRATION'] })],
    [
      'a format in whole months',
      1,
      () => ({ formats: ['DEMONSTRATION'], dateFrom: '2021-01-01', dateTo: '2023-12-31' }),
    ],
    ['formats in a province', 2, () => ({ formats: ['DEMONSTRATION', 'ONLINE_CLASS'], regionCode: province })],
    ['a province', 2, () => ({ regionCode: province })],
    ['a province in whole months', 3, () => ({ regionCode: province, dateFrom: '2021-01-01', dateTo: '2023-12-31' })],
    ['a city', null, () => ({ regionCode: city })],
    ['a range not of whole months', null, () => ({ dateFrom: '2021-01-15' })],
    ['an organizer', null, () => ({ organizerId })],
    ['an audience', null, () => ({ audiences: ['COMMUNITY_WORKERS'] })],
    [
      'a format in a province by month',
      null,
      () => ({ formats: ['ONLINE_CLASS'], regionCode: province, dateTo: '2023-12-31' }),
    ],
  ];

  it.each(cases())(
    'trainingProgress and trainingTimeline over %s (grain %p) equal the sums over the sessions',
    async (_name, grain, filterOf) => {
      const filter = filterOf();
      expect(trainingGrainAnswering(filter)?.grain ?? null).toBe(grain);
      const { body } = await t.query(STATISTICS, { filter });
      expect(body.errors).toBeUndefined();
      const expected = await scanned(filter);
      expect(expected.trainingProgress.sessionCount).toBeGreaterThan(0);
      expect(body.data).toEqual(expected);
    },
  );
});

describeOnServer(
  'training rollups under concurrent writers',
  'writes from 12 connections at once on a PostgreSQL server',
  () => {
    let t: TestServer;
    let w: Writers;
    beforeAll(async () => {
      t = await startTestServer({ access: { tierBudgets: BUDGETS }, poolMax: 12 });
      w = await createWriters(t.database.db);
    });
    afterAll(() => t.close());

    it('12 writers record 360 sessions on the same rollup rows, no write fails, and every rollup then equals the sums', async () => {
      const failures: string[] = [];
      await Promise.all(
        Array.from({ length: 12 }, async (_, writer) => {
          for (let i = 0; i < 30; i++) {
            const { body } = await t.query(
              RECORD,
              { input: session(w.foundation.id, writer * 30 + i) },
              w.foundation.key.headers,
            );
            const outcome = body.data?.recordTrainingSession?.__typename;
            if (outcome !== 'RecordTrainingSessionSuccess') failures.push(JSON.stringify(body));
          }
        }),
      );
      expect(failures).toEqual([]);
      expect(await findTrainingRollupDifferences(t.database.db)).toEqual([]);
    }, 120_000);
  },
);
