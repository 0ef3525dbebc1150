import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describeOnServer } from '../../support/needs-server';

const KILLED_IMPORT = path.join(__dirname, 'fixtures', 'killed-import.ts');

describeOnServer(
  'an ALL_OR_NOTHING import whose PostgreSQL backend is killed',
  'killing a backend needs a real PostgreSQL server',
  () => {
    it('leaves nothing written, records the import FAILED, and the server still answers /healthz and a query', () => {
      // in a child process run as the server runs: postgres.js's stray throw would fail a jest worker
      const run = spawnSync(process.execPath, ['--import', 'tsx', KILLED_IMPORT], {
        encoding: 'utf8',
        env: process.env,
        timeout: 120_000,
      });
      expect(run.stderr).toBe('');
      const seen = JSON.parse(run.stdout);
      if (seen.answered !== 'connection closed while uploading') {
        expect(seen.answered).toMatchObject({
          status: 503,
          body: { errors: [{ extensions: { code: 'SERVICE_UNAVAILABLE' } }] },
        });
      }
      expect({ ...seen, answered: undefined }).toEqual({
        killed: true,
        health: 200,
        queried: true,
        written: 0,
        recorded: [{ status: 'FAILED', written_count: 0 }],
      });
    }, 130_000);
  },
);
