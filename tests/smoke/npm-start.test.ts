import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { alive, buildIfStale, killLeftovers, MENGNIU, MENGNIU_TOTAL, query, ROOT, startServing } from './serving';

describe('npm start on the embedded default', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'gongyi-npm-start-'));
  beforeAll(buildIfStale, 900_000);
  // a test that failed half way leaves no server holding the folder for the next one
  afterEach(killLeftovers);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves the demo data on an empty DATA_DIR, and kill -TERM to the npm process drains and stops the server', async () => {
    const server = await startServing('npm', ['start'], { DATA_DIR: dataDir });
    expect((await query(server.origin, MENGNIU)).data).toEqual(MENGNIU_TOTAL);
    const nodePid = server.log[0]!.pid!;
    // npm runs the server as its child (the build check first, then exec): it is the one signalled
    expect(nodePid).not.toBe(server.child.pid);

    process.kill(server.child.pid!, 'SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.log.map((entry) => entry.msg)).toEqual(
      expect.arrayContaining(['draining requests in flight', 'stopped']),
    );
    expect(alive(nodePid)).toBe(false);
  }, 120_000);

  it('restarts on the same folder without building or loading anything again', async () => {
    const server = await startServing('npm', ['start'], { DATA_DIR: dataDir });
    expect((await query(server.origin, MENGNIU)).data).toEqual(MENGNIU_TOTAL);
    expect(server.stderr()).not.toContain('build:');
    expect(server.log.map((entry) => entry.msg)).not.toContain('loading the demo dataset (first start)');
    process.kill(server.child.pid!, 'SIGTERM');
    expect(await server.exited).toBe(0);
  }, 120_000);

  it('refuses an unsupported Node.js with a clear message before loading anything', async () => {
    const olderNode = 'data:text/javascript,Object.defineProperty(process.versions,"node",{value:"18.20.4"})';
    await expect(
      promisify(execFile)(process.execPath, ['--import', olderNode, 'dist/main.js'], {
        cwd: ROOT,
        env: { ...process.env, DATA_DIR: dataDir },
      }),
    ).rejects.toMatchObject({
      code: 2,
      stderr: 'gongyi-graph needs Node.js ^20.15.0 || ^22.0.0 || ^24.0.0; this is Node.js 18.20.4\n',
    });
  });
});
