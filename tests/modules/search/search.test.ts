import { sql, TransactionRollbackError, type SQL } from 'drizzle-orm';
import { rows, type Db } from '../../../src/db/client';
import { loadReported } from '../../../src/db/seed/load-reported';
import { whereAll } from '../../../src/db/where-all';
import { ORGANIZATIONS } from '../../../src/modules/organizations/lists';
import { keyset } from '../../../src/modules/pagination/store';
import { RegionDirectory } from '../../../src/modules/regions/directory';
import { fillOrganizationNameColumns } from '../../../src/modules/search/store';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { describeOnServer } from '../../support/needs-server';
import { serveTestDatabase, type TestServer } from '../../support/server';

const MENGNIU = '内蒙古蒙牛乳业(集团)股份有限公司';

const SEARCH = /* GraphQL */ `
  query Search($search: String!) {
    organizations(filter: { search: $search }, first: 5) {
      totalCount
      nodes {
        name
        nameEn
        region {
          name
          nameEn
        }
      }
    }
  }
`;

const LABELS = /* GraphQL */ `
  query Labels {
    types: organizationStats(groupBy: TYPE) {
      key
      zh: label
      en: label(language: EN)
    }
    purposes: donationStats(groupBy: PURPOSE, filter: { provenance: [REPORTED] }) {
      key
      zh: label
      en: label(language: EN)
    }
    donors: donationStats(groupBy: DONOR, filter: { provenance: [REPORTED] }, first: 3) {
      zh: label
      en: label(language: EN)
    }
    industries: donationStats(groupBy: DONOR_INDUSTRY, filter: { provenance: [REPORTED] }) {
      key
      en: label(language: EN)
    }
  }
`;

const PAGES = /* GraphQL */ `
  query Pages($search: String!, $after: String) {
    organizations(filter: { search: $search }, first: 2, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        name
      }
    }
  }
`;

describe('names in both languages, and a name found by Chinese, pinyin, initials and English', () => {
  let db: TestDatabase;
  let compiled: TestServer;
  let resolvers: TestServer;
  beforeAll(async () => {
    db = await createTestDatabase();
    compiled = await serveTestDatabase(db, { compiledReads: true });
    resolvers = await serveTestDatabase(db, { compiledReads: false });
  });
  afterAll(async () => {
    await compiled?.close();
    await resolvers?.close();
    await db?.drop();
  });

  it.each(['蒙牛', 'mengniu', 'Mengniu', 'MN', 'mengniu dairy'])(
    '"%s" finds 内蒙古蒙牛乳业(集团)股份有限公司 first, on both paths alike',
    async (search) => {
      const fromSql = await compiled.query(SEARCH, { search });
      const fromResolvers = await resolvers.query(SEARCH, { search });
      expect(fromSql.body.errors).toBeUndefined();
      expect(fromSql.body.data.organizations.nodes[0]).toEqual({
        name: MENGNIU,
        nameEn: 'Inner Mongolia Mengniu Dairy (Group) Co., Ltd.',
        region: null,
      });
      expect(fromResolvers.body).toEqual(fromSql.body);
    },
  );

  it('a Chinese query matches names that contain it, as before, and not their homophones', async () => {
    const [expected] = await rows<{ n: number }>(
      db.database.db,
      sql`select count(*)::int as n from organizations where name like '%基金会%'`,
    );
    const response = await compiled.query(SEARCH, { search: '基金会' });
    expect(response.body.data.organizations.totalCount).toBe(expected!.n);
    expect(response.body.data.organizations.nodes.every((o: { name: string }) => o.name.includes('基金会'))).toBe(true);
  });

  it('a query with no letter, digit or Chinese character matches the names containing it', async () => {
    const response = await compiled.query(SEARCH, { search: '%' });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.organizations.totalCount).toBe(0);
  });

  it('an organization not recorded in English is named in pinyin, its region by the region rule', async () => {
    const [synthetic] = await rows<{ name: string }>(
      db.database.db,
      sql`select o.name from organizations o join regions r on r.code = o.region_code
          where o.provenance_kind = 'SYNTHETIC' and r.name like '%自治县' order by o.name limit 1`,
    );
    const response = await resolvers.query(SEARCH, { search: synthetic!.name });
    const [first] = response.body.data.organizations.nodes;
    expect(first.name).toBe(synthetic!.name);
    expect(first.nameEn).toMatch(/^[A-Z][A-Za-z' ,.()-]+$/);
    expect(first.region.nameEn).toMatch(/ Autonomous County$/);
    expect(await compiled.query(SEARCH, { search: synthetic!.name })).toMatchObject({ body: response.body });
  });

  it('pages of a search follow its ranking through cursors', async () => {
    const whole = await compiled.query(SEARCH, { search: 'jijinhui' });
    const names: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await compiled.query(PAGES, { search: 'jijinhui', after });
      names.push(...page.body.data.organizations.nodes.map((o: { name: string }) => o.name));
      after = page.body.data.organizations.pageInfo.hasNextPage
        ? page.body.data.organizations.pageInfo.endCursor
        : null;
    } while (after !== null && names.length < 6);
    expect(names.slice(0, 5)).toEqual(whole.body.data.organizations.nodes.map((o: { name: string }) => o.name));
  });

  it('reads the matches once for a ranked page and its totalCount, with the same answer as the resolvers', async () => {
    const document = `query ($search: String) { organizations(first: 3, filter: { search: $search }) {
      totalCount pageInfo { hasNextPage endCursor } nodes { name } } }`;
    const statements: string[] = [];
    const stop = compiled.database.watchStatements((text) => statements.push(text));
    let fromSql;
    try {
      fromSql = await compiled.query(document, { search: 'jijinhui' });
    } finally {
      stop();
    }
    expect(statements).toHaveLength(1);
    expect(statements[0]!.match(/from "organizations"/g)).toHaveLength(1);
    expect(fromSql.body.data.organizations.totalCount).toBeGreaterThan(3);
    expect((await resolvers.query(document, { search: 'jijinhui' })).body).toEqual(fromSql.body);
  });

  it('labels enum values, industries, provinces and donors in English when asked, in Chinese otherwise', async () => {
    const response = await compiled.query(LABELS);
    expect(response.body.errors).toBeUndefined();
    const { types, purposes, donors, industries } = response.body.data;
    expect(types.find((g: { key: string }) => g.key === 'FOUNDATION')).toEqual({
      key: 'FOUNDATION',
      zh: '基金会',
      en: 'Foundation',
    });
    expect(purposes).toEqual([{ key: 'EPIDEMIC_RESPONSE', zh: '疫情防控', en: 'Epidemic response' }]);
    expect(donors[0]).toEqual({ zh: MENGNIU, en: 'Inner Mongolia Mengniu Dairy (Group) Co., Ltd.' });
    expect(industries.find((g: { key: string }) => g.key === 'C')).toEqual({ key: 'C', en: 'Manufacturing' });
  });

  it('names every province in English by the rule, with the customary exceptions', async () => {
    const found = await rows<{ code: string; name_en: string }>(
      db.database.db,
      sql`select code, name_en from regions where level = 1 order by code`,
    );
    const byCode = Object.fromEntries(found.map((r) => [r.code, r.name_en]));
    expect(byCode).toMatchObject({
      '110000': 'Beijing',
      '130000': 'Hebei',
      '150000': 'Inner Mongolia Autonomous Region',
      '450000': 'Guangxi Zhuang Autonomous Region',
      '610000': 'Shaanxi',
      '140000': 'Shanxi',
      '650000': 'Xinjiang Uygur Autonomous Region',
      '810000': 'Hong Kong Special Administrative Region',
    });
    expect(found.every((r) => /^[A-Z][A-Za-z' ]+$/.test(r.name_en))).toBe(true);
  });
});

/** Organizations in the index test's own set: enough that without the index the planner reads the table (the test shows it does). */
const LARGE_SET = 20_000;

describeOnServer('name search on a large set', 'its plan is that of a real server', () => {
  let db: TestDatabase;
  let server: TestServer;
  beforeAll(async () => {
    db = await createTestDatabase({ seed: false });
    await loadReported(db.database.db);
    // names and search texts shaped as the app writes them, none of them containing mengniu
    await db.database.executeSql(`
      insert into organizations (name, type, registration_status, name_en, search_text, provenance_kind)
      select '组织' || g, 'SOCIAL_GROUP', 'REGISTERED', 'Zuzhi ' || g,
             ' zuzhi' || g || ' ' || md5(g::text) || ' | zz' || left(md5(g::text), 4) || ' ', 'SYNTHETIC'
      from generate_series(1, ${LARGE_SET}) g;
    `);
    await fillOrganizationNameColumns(db.database.db);
    // as autovacuum would: moves the bulk insert's index entries out of GIN's pending list
    await db.database.executeSql('vacuum analyze organizations');
    server = await serveTestDatabase(db);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  /** The plan of `statement`; `withoutIndex`, as it would be without the trigram index (dropped in a transaction undone). */
  async function planOf(statement: SQL, { withoutIndex = false } = {}): Promise<string> {
    const explain = async (tx: Db) =>
      (await rows<Record<string, string>>(tx, sql`explain ${statement}`)).map((line) => line['QUERY PLAN']).join('\n');
    if (!withoutIndex) return explain(db.database.db);
    let plan = '';
    await db.database.db
      .transaction(async (tx) => {
        await tx.execute(sql`drop index organizations_search_text_idx`);
        plan = await explain(tx);
        tx.rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof TransactionRollbackError)) throw error;
      });
    return plan;
  }

  it.each(['mengniu', 'MN', '蒙牛'])(
    '"%s" is answered from the trigram index, not by reading the table',
    async (search) => {
      const response = await server.query(SEARCH, { search });
      expect(response.body.data.organizations).toMatchObject({ totalCount: 1, nodes: [{ name: MENGNIU }] });
      // the page and the count the list builder asks for, as pagination/store.ts writes them
      const regions = await RegionDirectory.load(db.database.db);
      const { conditions, orderBy } = keyset(ORGANIZATIONS({ filter: { search }, first: 5 }, regions));
      for (const statement of [
        sql`select id from organizations ${whereAll(conditions)} order by ${orderBy} limit 6`,
        sql`select count(*) from organizations ${whereAll(conditions)}`,
      ]) {
        expect(await planOf(statement)).toMatch(/Bitmap Index Scan on organizations_search_text_idx/);
        expect(await planOf(statement, { withoutIndex: true })).toMatch(/Seq Scan on organizations/);
      }
    },
  );
});
