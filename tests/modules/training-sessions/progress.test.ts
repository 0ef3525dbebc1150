import { sql } from 'drizzle-orm';
import { rows } from '../../../src/db/client';
import { startTestServer, type TestServer } from '../../support/server';

const PROGRESS = /* GraphQL */ `
  query Progress($filter: TrainingSessionFilter) {
    trainingProgress(filter: $filter) {
      sessionCount
      personTimes
      target
      targetDate
      progress
    }
  }
`;

describe('trainingProgress', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.close());

  it('trainingProgress reports person-times against the 2,450,000 target due 2023-12-31', async () => {
    const [expected] = await rows<{ n: number; p: number }>(
      t.database.db,
      sql`select count(*)::int as n, sum(participant_count)::int as p from training_sessions where starts_on >= '2021-01-01'`,
    );
    const { body } = await t.query(PROGRESS, { filter: { dateFrom: '2021-01-01' } });
    const progress = (expected!.p / 2_450_000).toFixed(4);
    expect(body.data.trainingProgress).toEqual({
      sessionCount: expected!.n,
      personTimes: expected!.p,
      target: 2450000,
      targetDate: '2023-12-31',
      progress,
    });
  });

  it('trainingProgress in a province reports against that province’s own target', async () => {
    const [regional] = await rows<{ region_code: string; value: string; target: string }>(
      t.database.db,
      sql`select region_code, value::text, target::text from governance_metrics
          where scope = 'REGION' and indicator_code = 'community_social_work_training_person_times' and value::int > 0
          order by region_code limit 1`,
    );
    const { body } = await t.query(PROGRESS, {
      filter: { regionCode: regional!.region_code, dateFrom: '2021-01-01', dateTo: '2023-12-31' },
    });
    expect(body.data.trainingProgress).toEqual({
      sessionCount: expect.any(Number),
      personTimes: Number(regional!.value),
      target: Number(regional!.target),
      targetDate: '2023-12-31',
      progress: (Number(regional!.value) / Number(regional!.target)).toFixed(4),
    });
  });
  it('reads only what the fields asked need: the kinds and the target only when asked for', async () => {
    const sent = async (fields: string) => {
      const statements: string[] = [];
      const stop = t.database.watchStatements((text) => statements.push(text));
      try {
        const { body } = await t.query(`{ trainingProgress { ${fields} } }`);
        expect(body.errors).toBeUndefined();
        return { body, statements };
      } finally {
        stop();
      }
    };
    const sumsOnly = await sent('sessionCount personTimes');
    expect(sumsOnly.statements).toHaveLength(1);
    expect(sumsOnly.statements[0]).not.toMatch(/provenance_kind/);
    const everything = await sent('personTimes target provenanceCounts { reported submitted synthetic }');
    expect(everything.statements).toHaveLength(2);
    expect(everything.statements.join('\n')).toMatch(/provenance_kind/);
    const { reported, submitted, synthetic } = everything.body.data.trainingProgress.provenanceCounts;
    expect(reported + submitted + synthetic).toBe(sumsOnly.body.data.trainingProgress.sessionCount);
  });
});
