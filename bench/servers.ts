/** The servers a run measures, each a child process of the run: started, probed until ready, stopped. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { ServerKind } from './shapes';

const ROOT = path.join(__dirname, '..');

/** The read side's three servers, and the write side's floor. */
export type Kind = ServerKind | 'write-floor';

export interface Running<K extends Kind = Kind> {
  kind: K;
  child: ChildProcess;
  origin: string;
}

const COMMANDS: Record<Kind, string[]> = {
  gongyi: ['dist/main.js'],
  postgraphile: ['--require', './bench/promise-with-resolvers.cjs', '--import', 'tsx', 'bench/postgraphile-server.ts'],
  floor: ['--import', 'tsx', 'bench/floor-server.ts'],
  'write-floor': ['--import', 'tsx', 'bench/write-floor-server.ts'],
};

/** A request each kind answers 2xx once it is listening and connected. */
function probe(kind: Kind, origin: string): Promise<Response> {
  if (kind === 'floor') return fetch(`${origin}/flat`);
  if (kind === 'write-floor') return fetch(`${origin}/ready`);
  return fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"query":"{__typename}"}',
  });
}

export function start<K extends Kind>(kind: K, port: number, env: NodeJS.ProcessEnv): Promise<Running<K>> {
  const child = spawn(process.execPath, COMMANDS[kind], {
    cwd: ROOT,
    // budgets in memory, whatever the caller's REDIS_URL: the run measures the servers, not Redis,
    // and must not spend or share a real deployment's budgets
    env: {
      ...process.env,
      REDIS_URL: '',
      ...env,
      PORT: String(port),
      NODE_ENV: 'production',
      GRAPHILE_ENV: 'production',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const origin = `http://127.0.0.1:${port}`;
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`${kind} exited with ${code} before it was ready`)));
    const poll = async () => {
      try {
        if ((await probe(kind, origin)).ok) return resolve({ kind, child, origin });
      } catch {
        // not listening yet
      }
      setTimeout(poll, 250);
    };
    void poll();
  });
}

/** SIGTERM, then SIGKILL if the server has not exited within five seconds. */
export function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
