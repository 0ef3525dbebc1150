import type { Db } from '../../db/client';
import { findOrganizationsByIds } from '../organizations/store';
import { generateKey } from './key-format';
import { insertApiKey, type ApiKeyRow } from './store';
import { notFound, type UserErrorShape } from '../mutations/user-error';
import { apiKeyRequestProblem, grantedScopes, type ApiKeyRequest } from './validation';

export type CreatedKey = { apiKey: ApiKeyRow; secret: string };
export type RevokedKey = { apiKey: ApiKeyRow };

/** Creates a key as the CLI and `createApiKey` both do; the secret exists only in the result. */
export async function createKey(
  db: Db,
  request: ApiKeyRequest,
  fieldPrefix = '',
): Promise<CreatedKey | UserErrorShape> {
  const problem = apiKeyRequestProblem(request, fieldPrefix);
  if (problem) return problem;
  if (request.organizationId) {
    const [organization] = await findOrganizationsByIds(db, [request.organizationId]);
    if (!organization) {
      return notFound(`${fieldPrefix}organizationId`, 'no organization has this ID');
    }
  }
  const { secret, secretHash, displayPrefix } = generateKey();
  const apiKey = await insertApiKey(db, {
    name: request.name.trim(),
    tier: request.tier,
    scopes: grantedScopes(request),
    organizationId: request.organizationId ?? null,
    expiresAt: request.expiresAt == null ? null : new Date(request.expiresAt).toISOString(),
    secretHash,
    displayPrefix,
  });
  return { apiKey, secret };
}
