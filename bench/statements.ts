/** SQL statements per request, from pg_stat_statements on the benchmark database. */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import postgres from 'postgres';

export interface StatementCounter {
  sql: postgres.Sql;
  mark: () => Promise<number>;
}

async function calls(sql: postgres.Sql): Promise<number> {
  const [row] = await sql<{ n: string }[]>`select coalesce(sum(calls), 0)::text as n from pg_stat_statements
    where dbid = (select oid from pg_database where datname = current_database()) and query not like '%pg_stat_statements%'`;
  return Number(row!.n);
}

/**
 * Makes pg_stat_statements available on the benchmark database. It must be preloaded by the
 * server: when it is not and `mayRestart` is set and the server is this machine's own cluster,
 * adds it to shared_preload_libraries and restarts the cluster (and says so); otherwise null.
 */
export async function enableStatementCounting(
  adminUrl: string,
  url: string,
  options: { mayRestart: boolean; log: (line: string) => void },
): Promise<StatementCounter | null> {
  const tryOpen = async (): Promise<StatementCounter | null> => {
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    try {
      await sql`create extension if not exists pg_stat_statements`;
      await calls(sql);
      return { sql, mark: () => calls(sql) };
    } catch {
      await sql.end();
      return null;
    }
  };
  const counter = await tryOpen();
  if (counter || !options.mayRestart) {
    if (!counter) options.log('pg_stat_statements is not preloaded: statements per request are not counted');
    return counter;
  }
  const host = new URL(adminUrl).hostname;
  if (!['127.0.0.1', 'localhost', '::1'].includes(host)) return null;
  const version = readdirSync('/etc/postgresql')[0];
  if (!version) return null;
  options.log(
    `enabling pg_stat_statements: ALTER SYSTEM SET shared_preload_libraries and restarting cluster ${version}/main`,
  );
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin`alter system set shared_preload_libraries = 'pg_stat_statements'`;
  await admin.end();
  execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'restart'], { stdio: 'inherit' });
  return tryOpen();
}

/** Statements per request since `mark`, given how many requests ran. */
export async function statementsSince(counter: StatementCounter, mark: number, requests: number): Promise<number> {
  return requests ? ((await counter.mark()) - mark) / requests : 0;
}
