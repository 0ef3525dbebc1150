import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createEmptyDatabase } from '../support/database';
import { describeOnServer, SERVER_URL } from '../support/needs-server';
import { buildIfStale, killLeftovers, MENGNIU, MENGNIU_TOTAL, query, ROOT, startServing } from './serving';

/** What a production tree holds: the build, its build check, and what the build reads at run time. */
const SHIPPED = ['dist', 'scripts', 'schema', 'migrations', 'package.json', 'package-lock.json'];

const run = promisify(execFile);

describeOnServer(
  'a production install: the built tree with npm ci --omit=dev',
  'it migrates, seeds and serves a database of its own on the server',
  () => {
    const tree = mkdtempSync(path.join(tmpdir(), 'gongyi-production-'));
    let database: Awaited<ReturnType<typeof createEmptyDatabase>>;
    const npm = (...args: string[]) => {
      const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: database.url };
      delete env['REDIS_URL'];
      return run('npm', args, { cwd: tree, env });
    };

    beforeAll(async () => {
      buildIfStale();
      for (const entry of SHIPPED) cpSync(path.join(ROOT, entry), path.join(tree, entry), { recursive: true });
      const install = ['ci', '--omit=dev', '--no-audit', '--no-fund'];
      // npm's cache holds every package after the project's own npm ci; without it, the registry
      await run('npm', [...install, '--offline'], { cwd: tree }).catch(() => run('npm', install, { cwd: tree }));
      database = await createEmptyDatabase(SERVER_URL!);
    }, 600_000);
    afterAll(async () => {
      killLeftovers();
      await database?.drop();
      rmSync(tree, { recursive: true, force: true });
    });

    it('has none of the dev dependencies: no TypeScript, no tsx, no jest', () => {
      for (const tool of ['typescript', 'tsx', 'jest']) {
        expect(existsSync(path.join(tree, 'node_modules', tool))).toBe(false);
      }
      expect(existsSync(path.join(tree, 'node_modules', 'fastify'))).toBe(true);
    });

    it('migrates, seeds, creates a key and serves with it, each from the build', async () => {
      expect((await npm('run', '--silent', 'migrate')).stdout).toBe('migrated (postgres)\n');
      expect((await npm('run', '--silent', 'seed')).stdout).toMatch(/seeded \(postgres\) in [\d.]+ s\n$/);
      const created = await npm(
        'run',
        '--silent',
        'keys',
        '--',
        'create',
        '--name',
        'production',
        '--tier',
        'DEVELOPER',
      );
      const secret = created.stdout.trim().split('\n').at(-1)!;

      const server = await startServing('npm', ['start'], { DATABASE_URL: database.url }, tree);
      expect(server.stderr()).not.toContain('build:');
      expect(await query(server.origin, MENGNIU, secret)).toMatchObject({ data: MENGNIU_TOTAL });
      expect(await query(server.origin, '{ viewer { name } }', secret)).toMatchObject({
        data: { viewer: { name: 'production' } },
      });
      process.kill(server.child.pid!, 'SIGTERM');
      expect(await server.exited).toBe(0);
      // five processes, each loading the build: seconds apiece on an idle machine, more on a shared one
    }, 180_000);
  },
);
