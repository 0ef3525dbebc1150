import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { killLeftovers, MENGNIU, MENGNIU_TOTAL, query, ROOT, startServing } from './serving';

/** Starts `src/main.ts` without DATABASE_URL and waits for its "serving" log line. */
const start = (dataDir: string) =>
  startServing(process.execPath, ['--import', 'tsx', 'src/main.ts'], { DATA_DIR: dataDir });

/** `npm run keys -- …args` on the embedded database in `dataDir`. */
function keys(dataDir: string, ...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
  delete env['DATABASE_URL'];
  return promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/keys.ts', ...args], { cwd: ROOT, env });
}

describe('the embedded path, end to end', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'gongyi-embedded-'));
  afterAll(() => {
    killLeftovers();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts on PGlite with no DATABASE_URL, serves the demo data, drains on SIGTERM, and keeps its data for the next start', async () => {
    const first = await start(dataDir);
    expect(await (await fetch(`${first.origin}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${first.origin}/readyz`)).json()).toEqual({ status: 'ready' });
    expect(await query(first.origin, MENGNIU)).toEqual({
      data: MENGNIU_TOTAL,
      extensions: { cost: { requested: 1, limit: 1000, remaining: expect.any(Number), resetAt: expect.any(String) } },
    });
    const count = (await query(first.origin, '{ organizations { totalCount } }')).data.organizations.totalCount;
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
    expect((await query(second.origin, '{ organizations { totalCount } }')).data.organizations.totalCount).toBe(count);
    expect(await query(second.origin, '{ viewer { name } }', secret)).toMatchObject({
      data: { viewer: { name: 'embedded' } },
    });
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 120_000);
});
