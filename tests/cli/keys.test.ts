import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describeOnServer } from '../support/needs-server';
import { startTestServer, type TestServer } from '../support/server';

const run = promisify(execFile);
const ROOT = path.join(__dirname, '..', '..');

const VIEWER = /* GraphQL */ `
  query {
    viewer {
      name
      tier
      scopes
    }
  }
`;

describeOnServer('npm run keys', 'the CLI is a second process, which cannot open an in-memory database', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ seed: false });
  });
  afterAll(() => t.close());

  /** `npm run keys -- …args` against this test's database. */
  const keys = (...args: string[]) =>
    run('npx', ['tsx', 'src/cli/keys.ts', ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: t.url } });

  it('a key created by the CLI works at once; after revoke it gets 401', async () => {
    const created = await keys('create', '--name', 'field survey app', '--tier', 'developer');
    const lines = created.stdout.trim().split('\n');
    const secret = lines.at(-1)!;
    expect(secret).toMatch(/^gyk1_[0-9A-Za-z]{38}$/);
    expect(lines[0]).toContain(`${secret.slice(0, 13)}…  DEVELOPER  READ  active  last used never  "field survey app"`);

    const auth = { authorization: `Bearer ${secret}` };
    const served = await t.query(VIEWER, {}, auth);
    expect(served.body.data).toEqual({ viewer: { name: 'field survey app', tier: 'DEVELOPER', scopes: ['READ'] } });

    const listed = await keys('list');
    expect(listed.stdout).toContain(`${secret.slice(0, 13)}…`);
    expect(listed.stdout).not.toContain(secret);

    const revoked = await keys('revoke', secret.slice(0, 13));
    expect(revoked.stdout).toMatch(/^revoked .* revoked \d{4}-/);
    const refused = await t.query(VIEWER, {}, auth);
    expect(refused.status).toBe(401);
    expect(refused.body.errors![0]!.extensions).toEqual({ code: 'UNAUTHENTICATED' });

    expect((await keys('list')).stdout).not.toContain(secret.slice(0, 13));
    expect((await keys('list', '--all')).stdout).toContain(`${secret.slice(0, 13)}…`);
  }, 60_000);

  it('a bad request names the option at fault and exits 2', async () => {
    await expect(keys('create', '--name', 'fund', '--tier', 'PARTNER')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--organization: is required for a PARTNER key'),
    });
    await expect(keys('create', '--name', 'x', '--tier', 'BOSS')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--tier must be one of DEVELOPER, PARTNER, INTERNAL'),
    });
  }, 60_000);
});
