import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';

const ROOT = path.join(__dirname, '..', '..');
const MENGNIU =
  '{ organizations(filter: {search: "蒙牛"}) { nodes { donationsGiven(first: 1) { nodes { total { value } } } } } }';

interface Running {
  child: ChildProcess;
  origin: string;
  exited: Promise<number | null>;
}

/** Starts `src/main.ts` as `npm start` would, without DATABASE_URL, and waits for its "serving" log line. */
function start(dataDir: string): Promise<Running> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' };
  // the embedded path as `npm start` gives it: no server, and budgets in this process
  delete env['DATABASE_URL'];
  delete env['REDIS_URL'];
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const entry = JSON.parse(line) as { msg?: string; address?: string };
      if (entry.msg === 'gongyi-graph is serving')
        resolve({ child, origin: entry.address!.replace(/\/graphql$/, ''), exited });
    });
    void exited.then((code) => reject(new Error(`server exited with ${code} before serving`)));
  });
}

async function get(origin: string, query: string, key?: string): Promise<any> {
  const response = await fetch(`${origin}/graphql?query=${encodeURIComponent(query)}`, {
    headers: { 'apollo-require-preflight': 'true', ...(key && { authorization: `Bearer ${key}` }) },
  });
  return response.json();
}

/** `npm run keys -- …args` on the embedded database in `dataDir`. */
function keys(dataDir: string, ...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
  delete env['DATABASE_URL'];
  return promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/keys.ts', ...args], { cwd: ROOT, env });
}

describe('the embedded path, end to end', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'gongyi-embedded-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts on PGlite with no DATABASE_URL, serves the demo data, drains on SIGTERM, and keeps its data for the next start', async () => {
    const first = await start(dataDir);
    expect(await (await fetch(`${first.origin}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${first.origin}/readyz`)).json()).toEqual({ status: 'ready' });
    expect(await get(first.origin, MENGNIU)).toEqual({
      data: { organizations: { nodes: [{ donationsGiven: { nodes: [{ total: { value: '740000000.00' } }] } }] } },
      extensions: { cost: { requested: 1, limit: 1000, remaining: expect.any(Number), resetAt: expect.any(String) } },
    });
    const count = (await get(first.origin, '{ organizations { totalCount } }')).data.organizations.totalCount;
    // PGlite is one process: a second one on the same folder is refused, never let in to corrupt it
    await expect(keys(dataDir, 'list')).rejects.toMatchObject({
      stderr: expect.stringContaining(`the embedded database in ${dataDir} is in use by process ${first.child.pid}`),
    });
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    // once the server has stopped the folder is free: a key made now works on the next start
    const secret = (await keys(dataDir, 'create', '--name', 'embedded', '--tier', 'DEVELOPER')).stdout
      .trim()
      .split('\n')
      .at(-1)!;
    const second = await start(dataDir);
    expect((await get(second.origin, '{ organizations { totalCount } }')).data.organizations.totalCount).toBe(count);
    expect(await get(second.origin, '{ viewer { name } }', secret)).toMatchObject({
      data: { viewer: { name: 'embedded' } },
    });
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 120_000);
});
