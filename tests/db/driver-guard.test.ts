import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describeOnServer } from '../support/needs-server';

const KILLED_TRANSACTION = path.join(__dirname, 'fixtures', 'killed-transaction.ts');
const KILLED_TYPE_FETCH = path.join(__dirname, 'fixtures', 'killed-type-fetch.ts');

function run(fixture: string, ...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', fixture, ...args], {
    encoding: 'utf8',
    env: process.env,
    timeout: 30_000,
  });
}

describeOnServer('a connection killed inside a postgres.js transaction', 'needs a real PostgreSQL server', () => {
  it('ends an unguarded process, as upstream #1208 describes', () => {
    const result = run(KILLED_TRANSACTION);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Cannot read properties of null \(reading 'write'\)/);
  });

  it('leaves a guarded process alive, the transaction rejected and the pool usable', () => {
    const result = run(KILLED_TRANSACTION, '--guard');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ outcome: 'rejected CONNECTION_CLOSED', alive: true, queryAfter: 1 });
  });
});

describeOnServer('a connection killed while postgres.js fetches its array types', 'needs a killable backend', () => {
  it('ends an unguarded process with the rejection nobody awaited, as upstream #1192 describes', () => {
    const result = run(KILLED_TYPE_FETCH);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/terminating connection due to administrator command/);
  });

  it('leaves a guarded process alive, the waiting query rejected as unavailable and the pool usable', () => {
    const result = run(KILLED_TYPE_FETCH, '--guard');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ first: 'rejected 57P01', alive: true, queryAfter: 1 });
  });
});
