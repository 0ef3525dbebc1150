import { sql } from 'drizzle-orm';
import { rows } from '../../src/db/client';
import { findRollupDifferences } from '../../src/modules/statistics/store';
import { createTestDatabase, type TestDatabase } from '../support/database';

/** Donations whose copied donor type or industry differs from their donor organization's. */
const STALE = sql`select count(*)::int as n from donations d left join organizations o on o.id = d.donor_id
  where (d.donor_type, d.donor_industry) is distinct from (o.type, o.industry)`;

describe("a donation's copy of its donor's type and industry", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t?.drop();
  });

  const stale = async () => (await rows<{ n: number }>(t.database.db, STALE))[0]!.n;
  /** A donor of several donations, and another organization of a different type and industry. */
  const twoOrganizations = async () => {
    const [pair] = await rows<{ donor: string; other: string }>(
      t.database.db,
      sql`select d.donor_id as donor, (select id from organizations o2
            where o2.type <> o.type and o2.industry is distinct from o.industry limit 1) as other
          from donations d join organizations o on o.id = d.donor_id
          group by d.donor_id, o.type, o.industry having count(*) > 1 limit 1`,
    );
    return pair!;
  };

  it('is the donor’s for every donation the seed wrote, and null without a donor', async () => {
    expect(await stale()).toBe(0);
    const [counted] = await rows<{ copied: number }>(
      t.database.db,
      sql`select count(*) filter (where donor_type is not null)::int as copied from donations`,
    );
    expect(counted!.copied).toBeGreaterThan(0);
  });

  it('follows an organization whose type and industry change, and the rollups stay exact', async () => {
    const { donor } = await twoOrganizations();
    await t.database.db.execute(
      sql`update organizations set type = 'OTHER', industry = case when industry = 'Q' then 'P' else 'Q' end
          where id = ${donor}`,
    );
    expect(await stale()).toBe(0);
    expect(await findRollupDifferences(t.database.db)).toEqual([]);
  });

  it('reads no donation when an update of organizations changes no type or industry', async () => {
    // pg_stat_xact_user_tables counts this backend's scans not yet flushed to the cumulative
    // statistics (an earlier transaction's too, for up to a second): the difference across the update
    // is the update's own, and the copy's join of donations would be one
    const scans = sql`select (coalesce(seq_scan, 0) + coalesce(idx_scan, 0))::int as scans
      from pg_stat_xact_user_tables where relname = 'donations'`;
    const [before, after] = await t.database.db.transaction(async (tx) => {
      const counted = await rows<{ scans: number }>(tx, scans);
      await tx.execute(sql`update organizations set name_en = name_en, evaluation_grade = evaluation_grade`);
      return [counted[0]!.scans, (await rows<{ scans: number }>(tx, scans))[0]!.scans];
    });
    expect(after - before).toBe(0);
    expect(await stale()).toBe(0);
  });

  it('follows a donation moved to another donor, or to none', async () => {
    const { donor, other } = await twoOrganizations();
    await t.database.db.execute(sql`update donations set donor_id = ${other} where donor_id = ${donor}`);
    expect(await stale()).toBe(0);
    await t.database.db.execute(
      sql`update donations set donor_id = null, donor_name = 'anonymous' where donor_id = ${other}`,
    );
    expect(await stale()).toBe(0);
  });

  it('cannot be written otherwise than as the donor’s', async () => {
    await t.database.db.execute(sql`update donations set donor_type = 'FOUNDATION', donor_industry = 'A'`);
    expect(await stale()).toBe(0);
  });
});
