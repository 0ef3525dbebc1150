/** The benchmark database: created, migrated, loaded and analysed once, reused while its data fits. */
import postgres from 'postgres';
import { openDatabase } from '../src/db/client';
import { migrate } from '../src/db/migrate';
import { loadDemo } from '../src/db/seed/demo';
import type { SyntheticOptions } from '../src/db/seed/synthetic';

/**
 * The dashboard shapes' statistics as SQL functions, the way a PostGraphile user adds them (the
 * Amber preset has no aggregates): each a scan of every row, as any schema without rollups must.
 * The floor calls the same functions.
 */
const DROP_FOR_DASHBOARDS = `
  drop function if exists bench_dashboard_totals();
  drop function if exists bench_donation_stats_by_province();
  drop function if exists bench_donation_stats_by_month(donation_purpose);
  drop function if exists bench_organization_stats_by_type();
  drop type if exists bench_dashboard_totals_row;
  drop type if exists bench_organization_group;
`;
const FOR_DASHBOARDS = `
  create type bench_dashboard_totals_row as (donation_count int, total text, cash text, in_kind text, unsplit_total text,
    reported int, submitted int, synthetic int);
  create type bench_organization_group as (key text, organization_count int);
  create function bench_dashboard_totals() returns bench_dashboard_totals_row language sql stable as $$
    select count(*)::int, coalesce(sum(total), 0)::numeric(20,2)::text, coalesce(sum(cash), 0)::numeric(20,2)::text,
           coalesce(sum(in_kind), 0)::numeric(20,2)::text,
           coalesce(sum(total) filter (where cash is null), 0)::numeric(20,2)::text,
           (count(*) filter (where provenance_kind = 'REPORTED'))::int, (count(*) filter (where provenance_kind = 'SUBMITTED'))::int,
           (count(*) filter (where provenance_kind = 'SYNTHETIC'))::int
    from donations $$;
  create function bench_donation_stats_by_province() returns setof bench_donation_group language sql stable as $$
    select left(coalesce(r.region_code, p.region_code), 2) || '0000', count(*)::int, coalesce(sum(d.total), 0)::numeric(20,2)::text
    from donations d left join organizations r on r.id = d.recipient_id left join projects p on p.id = d.project_id
    group by 1 order by sum(d.total) desc, 1 asc nulls last $$;
  create function bench_donation_stats_by_month(purpose donation_purpose) returns setof bench_donation_group language sql stable as $$
    select to_char(pledged_on, 'YYYY-MM'), count(*)::int, coalesce(sum(total), 0)::numeric(20,2)::text
    from donations where donations.purpose = bench_donation_stats_by_month.purpose
    group by 1 order by sum(total) desc, 1 asc nulls last $$;
  create function bench_organization_stats_by_type() returns setof bench_organization_group language sql stable as $$
    select type::text, count(*)::int from organizations group by 1 order by 2 desc, 1 asc nulls last $$;
`;

/**
 * What PostGraphile needs to answer the same questions: an index it may order donations by
 * (it offers ORDER BY only on indexed columns), the dashboard's two aggregates as functions,
 * the way PostGraphile exposes custom SQL, and a name search as its users write one (ILIKE in a
 * function, since the Amber preset has no text filter). The floor calls the aggregate functions.
 */
const FOR_POSTGRAPHILE = `
  ${DROP_FOR_DASHBOARDS}
  create index if not exists bench_donations_project_pledged_on_idx on donations (project_id, pledged_on desc, id desc);
  create index if not exists bench_donations_pledged_on_idx on donations (pledged_on);
  drop function if exists bench_donation_summary();
  drop function if exists bench_donation_stats_by_donor_industry();
  drop type if exists bench_donation_summary_row;
  drop type if exists bench_donation_group;
  create type bench_donation_summary_row as (donation_count int, total text, cash text, in_kind text);
  create type bench_donation_group as (key text, donation_count int, total text);
  create function bench_donation_summary() returns bench_donation_summary_row language sql stable as $$
    select count(*)::int, coalesce(sum(total), 0)::numeric(20,2)::text, coalesce(sum(cash), 0)::numeric(20,2)::text,
           coalesce(sum(in_kind), 0)::numeric(20,2)::text
    from donations $$;
  drop function if exists bench_search_organizations(text);
  create function bench_search_organizations(search text) returns setof organizations language sql stable as $$
    select * from organizations where name ilike '%' || search || '%' order by name, id $$;
  create function bench_donation_stats_by_donor_industry() returns setof bench_donation_group language sql stable as $$
    select o.industry::text, count(*)::int, coalesce(sum(d.total), 0)::numeric(20,2)::text
    from donations d left join organizations o on o.id = d.donor_id
    group by 1 order by sum(d.total) desc, 1 asc nulls last $$;
  ${FOR_DASHBOARDS}
`;

export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Makes `name` hold exactly `options`' data, loading only when it does not already. */
export async function prepareDatabase(
  adminUrl: string,
  name: string,
  options: SyntheticOptions,
  log: (line: string) => void,
): Promise<string> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  const url = databaseUrl(adminUrl, name);
  const wanted = JSON.stringify(options);
  try {
    const [exists] = await admin`select 1 from pg_database where datname = ${name}`;
    if (exists) {
      const db = postgres(url, { max: 1, onnotice: () => {} });
      const [meta] = await db`select to_regclass('bench_meta') is not null as present`.catch(() => [
        { present: false },
      ]);
      const same = meta?.['present'] ? (await db`select options from bench_meta`)[0]?.['options'] === wanted : false;
      await db.end();
      if (same) {
        log(`reusing database ${name} (${wanted}), migrating it to the current schema`);
        await migrateLoaded(url);
        return url;
      }
      await admin.unsafe(`drop database ${name} with (force)`);
    }
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  await load(url, options, log);
  const db = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await db.unsafe(FOR_POSTGRAPHILE);
    await db.unsafe('analyze');
    await db.unsafe(`create table bench_meta (options text not null)`);
    await db`insert into bench_meta ${db({ options: wanted })}`;
  } finally {
    await db.end();
  }
  return url;
}

/** Applies migrations landed since the database was loaded (they bring their own data, rollups say), and the functions above. */
async function migrateLoaded(url: string): Promise<void> {
  const database = await openDatabase({ url, dataDir: '', poolMax: 1 });
  try {
    await migrate(database);
  } finally {
    await database.close();
  }
  const db = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await db.unsafe(FOR_POSTGRAPHILE);
    await db.unsafe('analyze');
  } finally {
    await db.end();
  }
}

/** A new database `name` (dropped first if it exists), migrated and holding `options`' data. */
export async function freshDatabase(
  adminUrl: string,
  name: string,
  options: SyntheticOptions,
  log: (line: string) => void,
): Promise<string> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = databaseUrl(adminUrl, name);
  await load(url, options, log);
  return url;
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
  } finally {
    await admin.end();
  }
}

/** Migrates the empty database at `url` and loads the demo data with `options`' synthetic set. */
async function load(url: string, options: SyntheticOptions, log: (line: string) => void): Promise<void> {
  const wanted = JSON.stringify(options);
  const database = await openDatabase({ url, dataDir: '', poolMax: 4 });
  try {
    await migrate(database);
    log(`loading ${wanted}`);
    const started = Date.now();
    let last = 0;
    await loadDemo(database, options, (table, done, total) => {
      if (Date.now() - last > 5_000 || done === total) {
        last = Date.now();
        log(`  ${table} ${done}/${total}`);
      }
    });
    log(`loaded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await database.close();
  }
}
