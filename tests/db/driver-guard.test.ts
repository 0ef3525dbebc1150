import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describeOnServer } from '../support/needs-server';

const FIXTURE = path.join(__dirname, 'fixtures', 'killed-transaction.ts');

function run(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', FIXTURE, ...args], {
    encoding: 'utf8',
    env: process.env,
    timeout: 30_000,
  });
}

describeOnServer('a connection killed inside a postgres.js transaction', 'needs a real PostgreSQL server', () => {
  it('ends an unguarded process, as upstream #1208 describes', () => {
    const result = run();
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Cannot read properties of null \(reading 'write'\)/);
  });

  it('leaves a guarded process alive, the transaction rejected and the pool usable', () => {
    const result = run('--guard');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ outcome: 'rejected CONNECTION_CLOSED', alive: true, queryAfter: 1 });
  });
});
