#!/usr/bin/env node
// @ts-check
/**
 * The build: `tsc -p tsconfig.build.json` into dist/, then dist/embedded-template/, the embedded
 * database's folder already initialized and migrated (`node dist/cli/embedded-template.js`), which
 * an empty DATA_DIR starts from instead of running PGlite's initdb (most of a first start).
 *
 * `npm run build` builds when the sources differ from the last build's, `--force` always; with
 * `--if-stale` (npm start, the CLIs' scripts and prepare, which `npm ci` runs) it also does nothing
 * where there is no src/ (a production tree: its dist/ is what ships). "Differ" is by content: a
 * SHA-256 of every file under src/ and migrations/, the tsconfigs and package-lock.json (the
 * compiler's and PGlite's versions), kept in dist/.build-inputs once a build succeeds. Content,
 * not modification times, since checkouts and copies set those arbitrarily. Plain JavaScript with no
 * dependency, since it runs before anything is compiled, and on production installs. It prints to
 * stderr only: a CLI's stdout stays its own. One build runs at a time (dist/.build-lock): a second
 * waits for the first, then finds nothing stale, as jest's parallel smoke suites do after an edit.
 */
const { spawnSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const STAMP = path.join(DIST, '.build-inputs');
const LOCK = path.join(DIST, '.build-lock');
const INPUT_FOLDERS = ['src', 'migrations'];
const INPUT_FILES = ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];
/** what a complete build leaves; a build missing one is stale whatever the stamp says */
const OUTPUTS = ['dist/main.js', 'dist/embedded-template/PG_VERSION'];

/** @param {string} folder relative to ROOT @returns {string[]} its files, relative to ROOT, sorted */
function filesUnder(folder) {
  return readdirSync(path.join(ROOT, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** The build's inputs as one hash: each file's path and content, in a fixed order. */
function fingerprint() {
  const hash = createHash('sha256');
  const files = [...INPUT_FOLDERS.flatMap(filesUnder), ...INPUT_FILES.filter((f) => existsSync(path.join(ROOT, f)))];
  for (const file of files)
    hash
      .update(`${file}\0`)
      .update(readFileSync(path.join(ROOT, file)))
      .update('\0');
  return hash.digest('hex');
}

/** @param {string[]} argv @returns {string} the reason a build is needed, or '' when none is */
function staleness(argv) {
  if (argv.includes('--force')) return 'asked to (--force)';
  const missing = OUTPUTS.find((output) => !existsSync(path.join(ROOT, output)));
  if (missing) return `${missing} is missing`;
  const stamp = existsSync(STAMP) ? readFileSync(STAMP, 'utf8').trim() : '';
  return stamp === fingerprint() ? '' : 'the sources changed since the last build';
}

/** @param {string} what @param {string[]} args runs node with args, its output on our stderr */
function run(what, args) {
  const started = Date.now();
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) {
    process.stderr.write(`build: ${what} failed (${result.signal ?? `exit code ${result.status}`})\n`);
    process.exit(1);
  }
  process.stderr.write(`build: ${what} took ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

/** @param {number} pid @returns {boolean} */
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
  }
}

/** Takes dist/.build-lock, waiting while a live build holds it; it is let go when this process exits. */
function lock() {
  mkdirSync(DIST, { recursive: true });
  let waited = false;
  for (;;) {
    try {
      const fd = openSync(LOCK, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      process.on('exit', () => rmSync(LOCK, { force: true }));
      return;
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error;
    }
    // empty while its holder writes its pid
    let holder = 0;
    try {
      holder = Number(readFileSync(LOCK, 'utf8'));
    } catch {
      continue; // let go since: take it
    }
    // a build that was killed left its lock behind
    if (holder > 0 && !alive(holder)) {
      rmSync(LOCK, { force: true });
      continue;
    }
    if (!waited) process.stderr.write(`build: waiting for the build running as process ${holder}\n`);
    waited = true;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
  }
}

function main() {
  const argv = process.argv.slice(2);
  if (argv.includes('--if-stale') && !existsSync(path.join(ROOT, 'src'))) return;
  lock();
  const reason = staleness(argv);
  if (!reason) return;
  let tsc;
  try {
    tsc = require.resolve('typescript/bin/tsc', { paths: [ROOT] });
  } catch {
    process.stderr.write(
      `build: ${reason}, and TypeScript (a dev dependency) is not installed. Build where it is ` +
        '(npm ci, then npm run build) and install the built tree with npm ci --omit=dev.\n',
    );
    process.exit(1);
  }
  process.stderr.write(`build: ${reason}; building\n`);
  const inputs = fingerprint();
  rmSync(STAMP, { force: true });
  run('tsc', [tsc, '-p', 'tsconfig.build.json']);
  run('the embedded database template', ['dist/cli/embedded-template.js', 'dist/embedded-template']);
  // written last and renamed into place: a stamp always means a whole build of those inputs
  writeFileSync(`${STAMP}.${process.pid}`, `${inputs}\n`);
  renameSync(`${STAMP}.${process.pid}`, STAMP);
}

main();
