import { sql } from 'drizzle-orm';
import { rows } from '../../../src/db/client';
import { startTestServer, type TestServer } from '../../support/server';
import { createWriters, type Writers } from '../../support/writers';

const RECORD_SESSION = /* GraphQL */ `
  mutation RecordSession($input: RecordTrainingSessionInput!) {
    recordTrainingSession(input: $input) {
      __typename
      ... on RecordTrainingSessionSuccess {
        trainingSession {
          id
          title
          organizer {
            id
          }
          format
          audiences
          topics
          region {
            code
          }
          startsOn
          endsOn
          participantCount
          version
          provenance {
            kind
          }
          history(first: 5) {
            nodes {
              version
              action
              actor {
                name
              }
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

const PROGRESS = /* GraphQL */ `
  query Progress($filter: TrainingSessionFilter) {
    trainingProgress(filter: $filter) {
      sessionCount
      personTimes
    }
  }
`;

describe('training sessions are recorded by their organizer', () => {
  let server: TestServer;
  let writers: Writers;

  beforeAll(async () => {
    server = await startTestServer();
    writers = await createWriters(server.database.db);
  });
  afterAll(() => server.close());

  const sessionCount = async () =>
    (await rows<{ n: number }>(server.database.db, sql`select count(*)::int as n from training_sessions`))[0]!.n;

  const session = (organizerId: string) => ({
    organizerId,
    title: '社区工作者能力提升示范培训',
    format: 'DEMONSTRATION',
    audiences: ['COMMUNITY_WORKERS'],
    topics: ['社区治理', '项目管理'],
    regionCode: '110000',
    startsOn: '2026-06-01',
    endsOn: '2026-06-02',
    participantCount: 85,
  });

  it('shows up in trainingProgress in the very next request', async () => {
    const { grantee } = writers;
    const filter = { organizerId: grantee.id };
    const before = (await server.query(PROGRESS, { filter })).body.data.trainingProgress;
    const response = await server.query(RECORD_SESSION, { input: session(grantee.id) }, grantee.key.headers);
    const written = response.body.data.recordTrainingSession;
    expect(written).toEqual({
      __typename: 'RecordTrainingSessionSuccess',
      trainingSession: {
        id: written.trainingSession.id,
        title: '社区工作者能力提升示范培训',
        organizer: { id: grantee.id },
        format: 'DEMONSTRATION',
        audiences: ['COMMUNITY_WORKERS'],
        topics: ['社区治理', '项目管理'],
        region: { code: '110000' },
        startsOn: '2026-06-01',
        endsOn: '2026-06-02',
        participantCount: 85,
        version: 1,
        provenance: { kind: 'SUBMITTED' },
        history: { nodes: [{ version: 1, action: 'CREATED', actor: { name: 'grantee key' } }] },
      },
    });
    expect((await server.query(PROGRESS, { filter })).body.data.trainingProgress).toEqual({
      sessionCount: before.sessionCount + 1,
      personTimes: before.personTimes + 85,
    });
  });

  it('a partner naming another organization as organizer is refused with FORBIDDEN_RECORD and writes nothing', async () => {
    const before = await sessionCount();
    const response = await server.query(
      RECORD_SESSION,
      { input: session(writers.other.id) },
      writers.grantee.key.headers,
    );
    expect(response.body.data.recordTrainingSession).toEqual({
      __typename: 'UserError',
      code: 'FORBIDDEN_RECORD',
      field: 'input.organizerId',
      message: "names a record of another organization than the key's",
    });
    expect(await sessionCount()).toBe(before);
  });

  it('an INTERNAL key records for any organization', async () => {
    const response = await server.query(RECORD_SESSION, { input: session(writers.other.id) }, writers.internal.headers);
    expect(response.body.data.recordTrainingSession.__typename).toBe('RecordTrainingSessionSuccess');
  });

  it.each([
    ['a DEVELOPER key', () => writers.developer.headers],
    ['an anonymous caller', () => ({})],
  ])('%s is refused with FORBIDDEN and writes nothing', async (_who, headers) => {
    const before = await sessionCount();
    const response = await server.query(RECORD_SESSION, { input: session(writers.grantee.id) }, headers());
    expect(response.body.data).toBeNull();
    expect(response.body.errors!.map((e) => e.extensions!['code'])).toEqual(['FORBIDDEN']);
    expect(await sessionCount()).toBe(before);
  });

  it.each([
    ['a reversed period', { startsOn: '2026-06-03' }, 'input.endsOn', 'must not be before 2026-06-03, got 2026-06-02'],
    [
      'negative participants',
      { participantCount: -1 },
      'input.participantCount',
      'must be a whole number of at least 0, got -1',
    ],
    ['an empty title', { title: ' ' }, 'input.title', 'must be 1–200 characters, got 0'],
    ['a title too long', { title: '训'.repeat(201) }, 'input.title', 'must be 1–200 characters, got 201'],
    ['an unknown region', { regionCode: '999999' }, 'input.regionCode', 'is not a known GB/T 2260 region: 999999'],
  ])('a session with %s is an INVALID UserError naming the field', async (_what, change, field, message) => {
    const before = await sessionCount();
    const response = await server.query(
      RECORD_SESSION,
      { input: { ...session(writers.grantee.id), ...change } },
      writers.grantee.key.headers,
    );
    expect(response.body.data.recordTrainingSession).toEqual({
      __typename: 'UserError',
      code: 'INVALID',
      field,
      message,
    });
    expect(await sessionCount()).toBe(before);
  });
});
