import type { Database } from '../../../src/db/client';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { serveTestDatabase, type TestServer } from '../../support/server';

const TWO_ROOTS = /* GraphQL */ `
  query TwoRoots {
    first: organizations(first: 2, orderBy: { field: NAME }) {
      nodes {
        name
      }
    }
    again: organizations(first: 1, orderBy: { field: NAME }) {
      totalCount
    }
    __typename
  }
`;

/** The database, but every compiled statement fails with an error of this code. */
function failingStatements(database: Database, code: string): Database {
  return {
    ...database,
    readText: async () => {
      throw Object.assign(new Error(`statement failed with ${code}`), { code });
    },
  };
}

describe('a compiled statement that fails', () => {
  let db: TestDatabase;
  let resolversOnly: TestServer;
  let failingQuery: TestServer;
  let unavailable: TestServer;
  beforeAll(async () => {
    db = await createTestDatabase();
    resolversOnly = await serveTestDatabase(db, { compiledReads: false });
    failingQuery = await serveTestDatabase({ ...db, database: failingStatements(db.database, '42P01') });
    unavailable = await serveTestDatabase({ ...db, database: failingStatements(db.database, '57P01') });
  });
  afterAll(async () => {
    await Promise.all([resolversOnly, failingQuery, unavailable].map((t) => t?.close()));
    await db?.drop();
  });

  it('leaves the operation to the resolvers when the statement itself failed, so it answers as they do', async () => {
    const expected = await resolversOnly.query(TWO_ROOTS);
    expect(expected.body.data.first.nodes).toHaveLength(2);
    expect((await failingQuery.query(TWO_ROOTS)).body).toEqual(expected.body);
  });

  it('fails every root field as SERVICE_UNAVAILABLE when the database cannot answer, as execution would', async () => {
    const { body } = await unavailable.query(TWO_ROOTS);
    const error = (responseKey: string, line: number) => ({
      message: expect.stringMatching(/^The service is temporarily unavailable; try again shortly\. \(error id /),
      locations: [{ line, column: 5 }],
      path: [responseKey],
      extensions: { code: 'SERVICE_UNAVAILABLE', errorId: expect.any(String) },
    });
    // both connections are non-null, so data is null, as graphql-js makes it
    expect(body).toEqual({ data: null, errors: [error('first', 3), error('again', 8)] });
  });
});
