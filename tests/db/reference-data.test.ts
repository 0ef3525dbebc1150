import { sql } from 'drizzle-orm';
import { rows } from '../../src/db/client';
import { migrate } from '../../src/db/migrate';
import { createTestDatabase, type TestDatabase } from '../support/database';

describe('the reference data that every start upserts', () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase({ seed: false });
  });
  afterAll(() => test.drop());

  /** The transaction that wrote each row version: a row rewritten gets a new one. */
  const versions = async () =>
    rows<{ code: string; xmin: string }>(
      test.database.db,
      sql`select code, xmin::text from regions union all select code, xmin::text from governance_indicators order by code`,
    );

  it('is written once: migrating again rewrites no region and no indicator', async () => {
    const before = await versions();
    expect(before.length).toBeGreaterThan(3000);
    await migrate(test.database);
    expect(await versions()).toEqual(before);
  });

  it('still corrects a row that differs from the reference, and only that one', async () => {
    await test.database.db.execute(sql`update regions set name = 'changed' where code = '110000'`);
    const before = await versions();
    await migrate(test.database);
    const after = await versions();
    const [beijing] = await rows<{ name: string }>(
      test.database.db,
      sql`select name from regions where code = '110000'`,
    );
    expect(beijing!.name).toBe('北京市');
    expect(after.filter((row, i) => row.xmin !== before[i]!.xmin).map((row) => row.code)).toEqual(['110000']);
  });
});
