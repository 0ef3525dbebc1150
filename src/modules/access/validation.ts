import type { ApiKeyScope, ApiKeyTier } from '../../generated/graphql';
import { invalid, type UserErrorShape } from '../mutations/user-error';

/** The scopes each tier may hold; a key gets them all when it names none. */
export const TIER_SCOPES: Record<ApiKeyTier, readonly ApiKeyScope[]> = {
  DEVELOPER: ['READ'],
  PARTNER: ['READ', 'WRITE'],
  INTERNAL: ['READ', 'WRITE', 'MANAGE_KEYS'],
};

export interface ApiKeyRequest {
  name: string;
  tier: ApiKeyTier;
  scopes?: readonly ApiKeyScope[] | null;
  /** row id of the organization the key acts for */
  organizationId?: string | null;
  /** an instant; the DateTime scalar parses input to a Date */
  expiresAt?: Date | string | null;
}

/** The first thing wrong with a key request, checked without the database; `prefix` names the input. */
export function apiKeyRequestProblem(request: ApiKeyRequest, prefix: string, now = new Date()): UserErrorShape | null {
  const name = request.name.trim();
  if (name.length < 1 || name.length > 100) {
    return invalid(`${prefix}name`, `must be 1–100 characters, got ${name.length}`);
  }
  const allowed = TIER_SCOPES[request.tier];
  const refused = (request.scopes ?? []).find((s) => !allowed.includes(s));
  if (refused) {
    return invalid(
      `${prefix}scopes`,
      `${refused} is not open to ${request.tier} keys (they may hold ${allowed.join(', ')})`,
    );
  }
  if (request.tier === 'PARTNER' && !request.organizationId) {
    return invalid(
      `${prefix}organizationId`,
      'is required for a PARTNER key: the organization whose records it writes',
    );
  }
  if (request.expiresAt != null && !(new Date(request.expiresAt) > now)) {
    return invalid(`${prefix}expiresAt`, `must be in the future, got ${new Date(request.expiresAt).toISOString()}`);
  }
  return null;
}

/** The scopes a valid request stores: those asked for (READ always included), or the tier's. */
export function grantedScopes(request: ApiKeyRequest): ApiKeyScope[] {
  const asked = request.scopes?.length ? request.scopes : TIER_SCOPES[request.tier];
  return TIER_SCOPES[request.tier].filter((s) => s === 'READ' || asked.includes(s));
}
