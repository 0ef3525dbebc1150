import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { openDatabase, type Db } from '../db/client';
import type { ApiKeyScope, ApiKeyTier } from '../generated/graphql';
import { createKey } from '../modules/access/keys';
import { findApiKeysByDisplayPrefix, listApiKeys, revokeApiKey, type ApiKeyRow } from '../modules/access/store';
import { TIER_SCOPES } from '../modules/access/validation';
import { isUserError } from '../modules/mutations/user-error';
import { parseGlobalId, toGlobalId } from '../modules/node/global-id';
import { findOrganizationsByCreditCodes } from '../modules/organizations/store';
import { fromDatabaseInstant } from '../modules/scalars/dates';

const USAGE = `usage:
  npm run keys -- create --name <name> --tier DEVELOPER|PARTNER|INTERNAL
                         [--scopes READ,WRITE,MANAGE_KEYS] [--organization <ID or credit code>]
                         [--expires <ISO date or instant>]
      prints the new key on its own last line; it is never shown again
  npm run keys -- list [--all]          keys newest first; --all includes revoked ones
  npm run keys -- revoke <ID or display prefix>`;

class UsageError extends Error {}

const TIERS = Object.keys(TIER_SCOPES) as ApiKeyTier[];

/** An organization named by global ID or by unified social credit code, as its row id. */
async function organizationRowId(db: Db, reference: string): Promise<string> {
  const parsed = parseGlobalId(reference);
  if (parsed?.type === 'Organization') return parsed.id;
  const [organization] = await findOrganizationsByCreditCodes(db, [reference]);
  if (!organization) throw new UsageError(`--organization: no organization has the ID or credit code ${reference}`);
  return organization.id;
}

const iso = (instant: string) => fromDatabaseInstant(instant).toISOString();

function describe(key: ApiKeyRow, now = new Date()): string {
  const expired = key.expiresAt !== null && fromDatabaseInstant(key.expiresAt) <= now;
  const state = key.revokedAt
    ? `revoked ${iso(key.revokedAt)}`
    : key.expiresAt
      ? `${expired ? 'expired' : 'expires'} ${iso(key.expiresAt)}`
      : 'active';
  return [
    toGlobalId('ApiKey', key.id),
    `${key.displayPrefix}…`,
    key.tier,
    key.scopes.join(','),
    state,
    `last used ${key.lastUsedAt ? iso(key.lastUsedAt) : 'never'}`,
    JSON.stringify(key.name),
  ].join('  ');
}

async function create(db: Db, args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      name: { type: 'string' },
      tier: { type: 'string' },
      scopes: { type: 'string' },
      organization: { type: 'string' },
      expires: { type: 'string' },
    },
  });
  if (!values.name) throw new UsageError('--name is required');
  const tier = values.tier?.toUpperCase() as ApiKeyTier;
  if (!TIERS.includes(tier)) throw new UsageError(`--tier must be one of ${TIERS.join(', ')}`);
  const scopes = values.scopes?.split(',').map((s) => s.trim().toUpperCase()) as ApiKeyScope[] | undefined;
  const unknownScope = scopes?.find((s) => !TIER_SCOPES.INTERNAL.includes(s));
  if (unknownScope) throw new UsageError(`--scopes: unknown scope ${unknownScope}`);
  let expiresAt: string | undefined;
  if (values.expires) {
    const at = new Date(values.expires);
    if (Number.isNaN(at.getTime())) throw new UsageError(`--expires: not a date or instant: ${values.expires}`);
    expiresAt = at.toISOString();
  }
  const organizationId = values.organization ? await organizationRowId(db, values.organization) : undefined;
  const result = await createKey(db, { name: values.name, tier, scopes, organizationId, expiresAt });
  if (isUserError(result)) {
    const option = { organizationId: 'organization', expiresAt: 'expires' }[result.field ?? ''] ?? result.field;
    throw new UsageError(`--${option}: ${result.message}`);
  }
  process.stdout.write(`created ${describe(result.apiKey)}\n`);
  process.stdout.write('the key follows; store it now, it cannot be shown again:\n');
  process.stdout.write(`${result.secret}\n`);
}

async function list(db: Db, args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { all: { type: 'boolean', default: false } } });
  const keys = await listApiKeys(db, { includeRevoked: values.all });
  if (keys.length === 0) process.stdout.write('no keys\n');
  for (const key of keys) process.stdout.write(`${describe(key)}\n`);
}

async function revoke(db: Db, args: string[]): Promise<void> {
  const { positionals } = parseArgs({ args, allowPositionals: true });
  const reference = positionals[0];
  if (!reference || positionals.length > 1) throw new UsageError('revoke takes one key ID or display prefix');
  const parsed = parseGlobalId(reference);
  let id: string;
  if (parsed?.type === 'ApiKey') {
    id = parsed.id;
  } else {
    const matches = await findApiKeysByDisplayPrefix(db, reference.replace(/…$/, ''));
    if (matches.length !== 1) {
      throw new UsageError(`${matches.length === 0 ? 'no key' : `${matches.length} keys`} match ${reference}`);
    }
    id = matches[0]!.id;
  }
  const key = await revokeApiKey(db, id);
  if (!key) throw new UsageError(`no key has the ID ${reference}`);
  process.stdout.write(`revoked ${describe(key)}\n`);
}

/** `npm run keys -- create|list|revoke …` against DATABASE_URL, or the embedded database (stop the server first). */
async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  const commands: Record<string, (db: Db, args: string[]) => Promise<void>> = { create, list, revoke };
  const run = command ? commands[command] : undefined;
  if (!run) throw new UsageError(command ? `unknown command ${command}` : 'which command?');
  const config = loadConfig();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    await run(database.db, args);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  const parseFailed = String((error as { code?: unknown } | undefined)?.code).startsWith('ERR_PARSE_ARGS');
  if (error instanceof UsageError || parseFailed) {
    process.stderr.write(`${message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
