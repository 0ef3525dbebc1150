import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

export const ROOT = path.join(__dirname, '..', '..');

/** Builds when the sources changed since the last build, as `npm start` would (in CI a no-op: `npm ci` built). */
export function buildIfStale(): void {
  execFileSync(process.execPath, ['scripts/build.js', '--if-stale'], { cwd: ROOT, stdio: 'inherit' });
}

/** A JSON log line of the server (pino): its message, and the milestones' fields. */
export interface LogEntry {
  msg?: string;
  pid?: number;
  address?: string;
  /** milliseconds since the process started (main.ts's start milestones) */
  uptimeMs?: number;
  /** milliseconds the process took to load its modules */
  loadedMs?: number;
}

export interface Serving {
  child: ChildProcess;
  origin: string;
  /** every log line so far; more arrive while it runs */
  log: LogEntry[];
  /** its stderr so far (the build script's messages), also passed through to ours */
  stderr: () => string;
  /** the exit code (null when a signal ended it) */
  exited: Promise<number | null>;
}

/**
 * Runs `command args` in `cwd` (the project root by default) as the server, with `env` over this
 * process's environment minus DATABASE_URL and REDIS_URL (the embedded path, unless `env` names
 * them), on a free loopback port; resolves once it logs that it is serving. Lines on its stdout that
 * are not JSON (npm's banner) are skipped; its stderr is kept and passed through.
 */
export function startServing(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string = ROOT,
): Promise<Serving> {
  const inherited: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' };
  delete inherited['DATABASE_URL'];
  delete inherited['REDIS_URL'];
  const child = spawn(command, args, { cwd, env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    process.stderr.write(chunk);
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const log: LogEntry[] = [];
  running.set(child, log);
  void exited.then(() => running.delete(child));
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!line.startsWith('{')) return;
      const entry = JSON.parse(line) as LogEntry;
      log.push(entry);
      if (entry.msg === 'gongyi-graph is serving') {
        resolve({ child, origin: entry.address!.replace(/\/graphql$/, ''), log, stderr: () => stderr, exited });
      }
    });
    void exited.then((code) => reject(new Error(`${command} ${args.join(' ')} exited with ${code} before serving`)));
  });
}

/** Servers started and not yet exited, with their log (whose lines name node's pid under npm). */
const running = new Map<ChildProcess, LogEntry[]>();

/**
 * Kills every server still running, node under npm too (SIGKILL to npm would orphan it): after a
 * test that failed half way, so none holds its port or folder.
 */
export function killLeftovers(): void {
  for (const [child, log] of running) {
    const pid = log[0]?.pid;
    if (pid !== undefined && alive(pid)) process.kill(pid, 'SIGKILL');
    child.kill('SIGKILL');
  }
  running.clear();
}

/** Answers a GraphQL query sent as a GET, with `key` as its bearer token when given. */
export async function query(origin: string, text: string, key?: string): Promise<any> {
  const response = await fetch(`${origin}/graphql?query=${encodeURIComponent(text)}`, {
    headers: { 'apollo-require-preflight': 'true', ...(key && { authorization: `Bearer ${key}` }) },
  });
  return response.json();
}

/** True while a process with this id exists. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Mengniu's verified COVID-19 donation, as the seed article reports it: the demo data's landmark. */
export const MENGNIU =
  '{ organizations(filter: {search: "蒙牛"}) { nodes { donationsGiven(first: 1) { nodes { total { value } } } } } }';
export const MENGNIU_TOTAL = {
  organizations: { nodes: [{ donationsGiven: { nodes: [{ total: { value: '740000000.00' } }] } }] },
};
