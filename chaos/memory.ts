/** Memory of the server's node process and of its PostgreSQL backends, read from /proc. */
import { readFileSync } from 'node:fs';
import type postgres from 'postgres';

/** The kB figure of `field` in a /proc file such as status or smaps_rollup; null when unreadable. */
function procKb(file: string, field: string): number | null {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(file, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** Resident set of a process, MB; null once it is gone. */
export function rssMb(pid: number): number | null {
  const kb = procKb(`/proc/${pid}/status`, 'VmRSS');
  return kb === null ? null : kb / 1024;
}

/**
 * The server's backends' own memory, MB: the sum of each backend's proportional share of private
 * anonymous pages (Pss_Anon: its heap, caches, prepared plans), leaving out shared buffers, which
 * every backend maps and which fill with data rather than with work.
 */
export async function backendsMb(sql: postgres.Sql, database: string): Promise<{ mb: number; backends: number }> {
  const rows = await sql<{ pid: number }[]>`select pid from pg_stat_activity
    where datname = ${database} and application_name = 'gongyi-graph'`;
  let kb = 0;
  for (const { pid } of rows) kb += procKb(`/proc/${pid}/smaps_rollup`, 'Pss_Anon') ?? 0;
  return { mb: kb / 1024, backends: rows.length };
}

export const mb = (value: number | null | undefined) =>
  value === null || value === undefined ? '–' : value.toFixed(0);
