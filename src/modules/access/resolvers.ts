import type { Context } from '../../context';
import { ForbiddenError } from '../../errors';
import type {
  ApiKeyResolvers,
  CreateApiKeyResultResolvers,
  MutationResolvers,
  QueryResolvers,
  RateLimitResolvers,
  RevokeApiKeyResultResolvers,
  ViewerResolvers,
} from '../../generated/graphql';
import { parseGlobalId, toGlobalId } from '../node/global-id';
import { createKey } from './keys';
import { revokeApiKey, type ApiKeyRow } from './store';
import { invalid, successOrUserError, notFound, type UserErrorShape } from '../mutations/user-error';

/** Key management is for INTERNAL keys that hold MANAGE_KEYS; anyone else is FORBIDDEN. */
function requireKeyManager(ctx: Context): void {
  const key = ctx.caller.key;
  if (!key) throw new ForbiddenError('Managing API keys needs an INTERNAL API key; this request sent none.');
  if (key.tier !== 'INTERNAL' || !key.scopes.includes('MANAGE_KEYS')) {
    throw new ForbiddenError(`Managing API keys needs an INTERNAL key with MANAGE_KEYS; this key is ${key.tier}.`);
  }
}

/** The row id of an ID that must be of `type`, or the UserError saying it is not. */
function rowIdOf(globalId: string, type: 'ApiKey' | 'Organization', field: string): string | UserErrorShape {
  const parsed = parseGlobalId(globalId);
  return parsed?.type === type
    ? parsed.id
    : invalid(field, `is not the ID of ${type === 'ApiKey' ? 'an API key' : 'an organization'}`);
}

/** The organization a key acts for; both `ApiKey` and `Viewer` are a key row. */
const organizationOfKey = (key: ApiKeyRow, _args: unknown, ctx: Context) =>
  key.organizationId ? ctx.loaders.organizationById.load(key.organizationId) : null;

export const Query: QueryResolvers = {
  viewer: (_root, _args, ctx) => ctx.caller.key,
  rateLimit: (_root, _args, ctx) => ctx.rateLimit!,
};

export const Mutation: MutationResolvers = {
  createApiKey: async (_root, { input }, ctx) => {
    requireKeyManager(ctx);
    const organizationId = input.organizationId
      ? rowIdOf(input.organizationId, 'Organization', 'input.organizationId')
      : null;
    if (organizationId !== null && typeof organizationId !== 'string') return organizationId;
    return createKey(ctx.db, { ...input, organizationId }, 'input.');
  },
  revokeApiKey: async (_root, { input }, ctx) => {
    requireKeyManager(ctx);
    const id = rowIdOf(input.id, 'ApiKey', 'input.id');
    if (typeof id === 'object') return id;
    const apiKey = await revokeApiKey(ctx.db, id);
    return apiKey ? { apiKey } : notFound('input.id', 'no API key has this ID');
  },
};

export const CreateApiKeyResult: CreateApiKeyResultResolvers = {
  __resolveType: successOrUserError('CreateApiKeySuccess'),
};

export const RevokeApiKeyResult: RevokeApiKeyResultResolvers = {
  __resolveType: successOrUserError('RevokeApiKeySuccess'),
};

export const ApiKey: ApiKeyResolvers = {
  id: (key) => toGlobalId('ApiKey', key.id),
  organization: organizationOfKey,
};

export const Viewer: ViewerResolvers = {
  organization: organizationOfKey,
  apiKey: (key) => key,
};

export const RateLimit: RateLimitResolvers = {
  resetAt: (charge) => charge.resetAt.toISOString(),
};
