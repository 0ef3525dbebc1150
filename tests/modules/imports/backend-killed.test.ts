import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describeOnServer } from '../../support/needs-server';

const KILLED_IMPORT = path.join(__dirname, 'fixtures', 'killed-import.ts');

describeOnServer(
  'an ALL_OR_NOTHING import whose PostgreSQL backend is killed while the worker writes it',
  'killing a backend needs a real PostgreSQL server',
  () => {
    it('has nothing written then, the server still answers /healthz and a query, and the job’s retry imports every row once', () => {
      // in a child process run as the server runs: postgres.js's stray throw would fail a jest worker
      const run = spawnSync(process.execPath, ['--import', 'tsx', KILLED_IMPORT], {
        encoding: 'utf8',
        env: process.env,
        timeout: 290_000,
      });
      expect(run.stderr).toBe('');
      const seen = JSON.parse(run.stdout);
      expect(seen).toEqual({
        killed: true,
        answered: { status: 202, importStatus: 'QUEUED' },
        health: 200,
        queried: true,
        writtenWhenKilled: 0,
        rows: seen.rows,
        written: seen.rows,
        recorded: [{ status: 'SUCCEEDED', row_count: seen.rows, written_count: seen.rows }],
        attempts: [{ state: 'completed', retry_count: 1 }],
      });
    }, 300_000);
  },
);
