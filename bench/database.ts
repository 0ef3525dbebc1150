/** The benchmark database: created, migrated, loaded and vacuumed once, reused while its data fits. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
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
 * The shapes of every list under its heaviest filter, the mixed operations and the training
 * shape, for PostGraphile as its users would write them: the Amber preset filters by equality
 * alone, so each list is an inlinable SQL function of the filter's values returning the table's
 * rows, with the behaviour PostGraphile 4's `@sortable` smart tag stood for (`+order +orderBy`;
 * the Amber preset reads no v4 tags) so that its connection takes `orderBy`; a computed column for the orders this
 * API keys on a coalesced date (unknown dates first ascending), over the index that expression
 * already has; the summary of one donor and the training progress as functions, like the
 * dashboard's. Region filters compare `char(6)` with `char(6)` so the region index serves; the
 * organizations' province filter is the equality of the province column this API's schema keeps.
 */
const DROP_FOR_LISTS = `
  drop function if exists bench_organizations_filtered(organization_type[], text, provenance_kind[]);
  drop function if exists bench_organizations_filtered(organization_type[], char(6), provenance_kind[]);
  drop function if exists bench_projects_filtered(project_status[], text, date, date);
  drop function if exists bench_donations_filtered(donation_status[], date, date, organization_type[]);
  drop function if exists bench_training_sessions_filtered(date, date, provenance_kind[]);
  drop function if exists organizations_founded_on_key(organizations);
  drop function if exists projects_starts_on_key(projects);
  drop function if exists bench_donation_summary_of_donor(uuid);
  drop function if exists bench_training_progress();
  drop type if exists bench_training_progress_row;
`;
const FOR_LISTS = `
  create function bench_organizations_filtered(types organization_type[], province char(6), provenance provenance_kind[])
    returns setof organizations language sql stable as $$
    select * from organizations where type = any(types) and province_code = province
      and provenance_kind = any(provenance) $$;
  comment on function bench_organizations_filtered(organization_type[], char(6), provenance_kind[]) is '@behavior +order +orderBy';
  create function bench_projects_filtered(statuses project_status[], region_prefix text, starts_from date, starts_to date)
    returns setof projects language sql stable as $$
    select * from projects where status = any(statuses)
      and region_code between rpad(region_prefix, 6, '0')::char(6) and rpad(region_prefix, 6, '9')::char(6)
      and starts_on between starts_from and starts_to $$;
  comment on function bench_projects_filtered(project_status[], text, date, date) is '@behavior +order +orderBy';
  create function bench_donations_filtered(statuses donation_status[], date_from date, date_to date, donor_types organization_type[])
    returns setof donations language sql stable as $$
    select * from donations where status = any(statuses) and pledged_on between date_from and date_to
      and donor_type = any(donor_types) $$;
  comment on function bench_donations_filtered(donation_status[], date, date, organization_type[]) is '@behavior +order +orderBy';
  create function bench_training_sessions_filtered(date_from date, date_to date, provenance provenance_kind[])
    returns setof training_sessions language sql stable as $$
    select * from training_sessions where starts_on between date_from and date_to and provenance_kind = any(provenance) $$;
  comment on function bench_training_sessions_filtered(date, date, provenance_kind[]) is '@behavior +order +orderBy';
  create function organizations_founded_on_key(o organizations) returns date language sql stable as $$
    select coalesce(o.founded_on, '-infinity'::date) $$;
  comment on function organizations_founded_on_key(organizations) is '@behavior +order +orderBy';
  create function projects_starts_on_key(p projects) returns date language sql stable as $$
    select coalesce(p.starts_on, '-infinity'::date) $$;
  comment on function projects_starts_on_key(projects) is '@behavior +order +orderBy';
  create function bench_donation_summary_of_donor(donor_id uuid) returns bench_donation_summary_row language sql stable as $$
    select count(*)::int, coalesce(sum(total), 0)::numeric(20,2)::text, coalesce(sum(cash), 0)::numeric(20,2)::text,
           coalesce(sum(in_kind), 0)::numeric(20,2)::text
    from donations where donations.donor_id = bench_donation_summary_of_donor.donor_id $$;
  create type bench_training_progress_row as (session_count int, person_times int);
  create function bench_training_progress() returns bench_training_progress_row language sql stable as $$
    select count(*)::int, coalesce(sum(participant_count), 0)::int from training_sessions $$;
`;

/**
 * What PostGraphile needs to answer the same questions: an index it may order donations by
 * (it offers ORDER BY only on indexed columns), the dashboard's two aggregates as functions,
 * the way PostGraphile exposes custom SQL, and a name search as its users write one (ILIKE in a
 * function, since the Amber preset has no text filter). The floor calls the aggregate functions.
 */
const FOR_POSTGRAPHILE = `
  ${DROP_FOR_DASHBOARDS}
  ${DROP_FOR_LISTS}
  create index if not exists bench_donations_project_pledged_on_idx on donations (project_id, pledged_on desc, id desc);
  create index if not exists bench_donations_pledged_on_idx on donations (pledged_on);
  -- what a user adds once the filtered donations' totalCount (80 ms and more, a bitmap over 2020's
  -- 100,000 rows) shows in their logs: the filter's equalities, then its range, counted index-only
  create index if not exists bench_donations_donor_type_status_pledged_on_idx on donations (donor_type, status, pledged_on);
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
  ${FOR_LISTS}
`;

export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Why `name` cannot be read as holding exactly `options`' data at this tree's schema, or null when
 * it can: it exists, its bench_meta names those options, and it has every migration of the
 * journal. Reads only; prepareDatabase is what loads and migrates.
 */
export async function notReadyReason(
  adminUrl: string,
  name: string,
  options: SyntheticOptions,
): Promise<string | null> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const [exists] = await admin`select 1 from pg_database where datname = ${name}`;
    if (!exists) return `there is no database ${name}`;
  } finally {
    await admin.end();
  }
  const db = postgres(databaseUrl(adminUrl, name), { max: 1, onnotice: () => {} });
  try {
    const [meta] = await db`select options from bench_meta`.catch(() => [undefined]);
    if (meta?.['options'] !== JSON.stringify(options))
      return `${name} does not hold the set ${JSON.stringify(options)}`;
    const [applied] = await db<{ n: number }[]>`select count(*)::int as n from drizzle.__drizzle_migrations`;
    const journalFile = path.join(__dirname, '..', 'migrations', 'meta', '_journal.json');
    const journal = (JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: unknown[] }).entries.length;
    return applied!.n === journal ? null : `${name} has ${applied!.n} of ${journal} migrations`;
  } finally {
    await db.end();
  }
}

/**
 * What a production database's autovacuum would have done to loaded data: the visibility map set
 * (index-only scans read no heap), GIN pending lists merged (the trigram search reads no unsorted
 * tail), dead rows of migrations' rewrites gone, and statistics. The bench cannot wait for it: the
 * servers it runs on may have autovacuum off (these machines do), and a bench run must not race it.
 * Cheap when nothing changed since the last run: all-visible pages are skipped.
 */
const VACUUM = 'vacuum (analyze)';

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
    await db.unsafe(VACUUM);
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
    await db.unsafe(VACUUM);
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
