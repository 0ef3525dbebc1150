import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const BUILD_SCRIPT = path.join(__dirname, '..', '..', 'scripts', 'build.js');

/**
 * A project of a few files with scripts/build.js and a stand-in compiler: its "tsc" writes
 * dist/main.js and a template writer that makes FOLDER/PG_VERSION, and each counts its runs in
 * builds.log, so a test sees whether the real build script decided to build, in milliseconds.
 */
function fakeProject(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'gongyi-build-'));
  mkdirSync(path.join(root, 'scripts'));
  cpSync(BUILD_SCRIPT, path.join(root, 'scripts', 'build.js'));
  mkdirSync(path.join(root, 'src'));
  writeFileSync(path.join(root, 'src', 'main.ts'), 'export const answer = 42;\n');
  mkdirSync(path.join(root, 'migrations'));
  writeFileSync(path.join(root, 'migrations', '0000_init.sql'), 'create table t (id int);\n');
  writeFileSync(path.join(root, 'tsconfig.json'), '{}\n');
  writeFileSync(path.join(root, 'package-lock.json'), '{}\n');
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin');
  mkdirSync(tsc, { recursive: true });
  writeFileSync(path.join(root, 'node_modules', 'typescript', 'package.json'), '{"name":"typescript"}\n');
  writeFileSync(
    path.join(tsc, 'tsc'),
    `const fs = require('node:fs');
fs.appendFileSync('builds.log', 'tsc\\n');
fs.mkdirSync('dist/cli', { recursive: true });
fs.writeFileSync('dist/main.js', '');
fs.writeFileSync('dist/cli/embedded-template.js',
  "const fs = require('node:fs'); fs.appendFileSync('builds.log', 'template\\\\n');" +
  "fs.mkdirSync(process.argv[2], { recursive: true }); fs.writeFileSync(process.argv[2] + '/PG_VERSION', '17');");
`,
  );
  return root;
}

async function build(root: string, ...args: string[]): Promise<{ stderr: string; builds: string[] }> {
  const { stderr } = await promisify(execFile)(process.execPath, ['scripts/build.js', ...args], { cwd: root });
  const log = readFileSync(path.join(root, 'builds.log'), { encoding: 'utf8', flag: 'a+' });
  return { stderr, builds: log.split('\n').filter(Boolean) };
}

describe('the build (scripts/build.js)', () => {
  let root: string;
  beforeEach(() => {
    root = fakeProject();
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('compiles, then writes the embedded database template, and says why it built', async () => {
    const { stderr, builds } = await build(root, '--if-stale');
    expect(builds).toEqual(['tsc', 'template']);
    expect(stderr).toContain('build: dist/main.js is missing; building');
  });

  it('builds nothing when the sources are the ones of the last build, even with newer modification times', async () => {
    await build(root);
    const later = new Date(Date.now() + 60_000);
    utimesSync(path.join(root, 'src', 'main.ts'), later, later);
    const again = await build(root, '--if-stale');
    expect(again).toEqual({ stderr: '', builds: ['tsc', 'template'] });
    expect((await build(root)).builds).toHaveLength(2);
  });

  it('builds again when a source, a migration or the lockfile changes, a file is added, or --force asks', async () => {
    await build(root);
    const changes = [
      () => writeFileSync(path.join(root, 'src', 'main.ts'), 'export const answer = 43;\n'),
      () => writeFileSync(path.join(root, 'migrations', '0001_more.sql'), 'alter table t add column x int;\n'),
      () => writeFileSync(path.join(root, 'package-lock.json'), '{"lockfileVersion":3}\n'),
      () => writeFileSync(path.join(root, 'src', 'extra.ts'), '\n'),
    ];
    let expected = 2;
    for (const change of changes) {
      change();
      const { stderr, builds } = await build(root, '--if-stale');
      expected += 2;
      expect(builds).toHaveLength(expected);
      expect(stderr).toContain('the sources changed since the last build');
    }
    expect((await build(root, '--force')).builds).toHaveLength(expected + 2);
  });

  it('builds again when the template is missing though the sources did not change', async () => {
    await build(root);
    rmSync(path.join(root, 'dist', 'embedded-template'), { recursive: true });
    const { stderr, builds } = await build(root, '--if-stale');
    expect(stderr).toContain('dist/embedded-template/PG_VERSION is missing');
    expect(builds).toHaveLength(4);
  });

  it('leaves a tree without src/ as it is with --if-stale: a production install ships its build', async () => {
    rmSync(path.join(root, 'src'), { recursive: true });
    expect(await build(root, '--if-stale')).toEqual({ stderr: '', builds: [] });
  });

  it('refuses with what to do when the build is stale and TypeScript is not installed (npm ci --omit=dev)', async () => {
    rmSync(path.join(root, 'node_modules'), { recursive: true });
    await expect(build(root, '--if-stale')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining(
        'build: dist/main.js is missing, and TypeScript (a dev dependency) is not installed. Build where it is',
      ),
    });
  });

  it('runs one build at a time: a second started alongside waits, then finds nothing stale', async () => {
    // a compiler slow enough for the second build to start while the first runs
    const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    writeFileSync(
      tsc,
      `Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);\n${readFileSync(tsc, 'utf8')}`,
    );
    const [first, second] = await Promise.all([build(root, '--if-stale'), build(root, '--if-stale')]);
    expect(second.builds).toEqual(['tsc', 'template']);
    const stderr = [first.stderr, second.stderr].sort((a, b) => a.length - b.length);
    expect(stderr[0]).toMatch(/^build: waiting for the build running as process \d+\n$/);
    expect(stderr[1]).toContain('dist/main.js is missing; building');
    expect(existsSync(path.join(root, 'dist', '.build-lock'))).toBe(false);
  });

  it('takes over the lock of a build that was killed', async () => {
    const gone = Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']));
    mkdirSync(path.join(root, 'dist'));
    writeFileSync(path.join(root, 'dist', '.build-lock'), String(gone));
    const { stderr, builds } = await build(root, '--if-stale');
    expect(builds).toEqual(['tsc', 'template']);
    expect(stderr).not.toContain('waiting');
  });

  it('forgets the last build when a build fails, so the next one builds even from the same sources', async () => {
    await build(root);
    const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const compiler = readFileSync(tsc);
    writeFileSync(tsc, 'process.exit(2);\n');
    writeFileSync(path.join(root, 'src', 'main.ts'), 'export const answer = ;\n');
    await expect(build(root, '--if-stale')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('build: tsc failed (exit code 2)'),
    });
    // a failed build lets go of its lock
    expect(existsSync(path.join(root, 'dist', '.build-lock'))).toBe(false);
    // the source is back as the last good build had it, but that build's outputs may be overwritten
    writeFileSync(tsc, compiler);
    writeFileSync(path.join(root, 'src', 'main.ts'), 'export const answer = 42;\n');
    expect((await build(root, '--if-stale')).builds).toHaveLength(4);
  });
});
