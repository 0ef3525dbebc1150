import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describeOnServer } from '../../support/needs-server';

const KILLED_MUTATION = path.join(__dirname, 'fixtures', 'killed-mutation.ts');

describeOnServer('a mutation whose backend is killed mid-transaction', 'it kills a backend of a real server', () => {
  it('answers SERVICE_UNAVAILABLE having written nothing, frees its Idempotency-Key, and the retry writes once', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', KILLED_MUTATION], {
      encoding: 'utf8',
      env: process.env,
      timeout: 60_000,
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      waiting: 1,
      failed: { data: null, codes: ['SERVICE_UNAVAILABLE', 'SERVICE_UNAVAILABLE'] },
      afterKill: { delivered: '0.00', version: 1, tranches: 0 },
      retried: {
        recordDisbursement: {
          __typename: 'RecordDisbursementSuccess',
          donation: { delivered: { value: '100.00' }, version: 2 },
        },
      },
      replayed: { same: true, header: 'true' },
      afterRetry: { delivered: '100.00', version: 2, tranches: 1 },
      health: 200,
    });
  });
});
