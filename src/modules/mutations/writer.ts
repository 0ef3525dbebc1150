import type { Caller } from '../access/tiers';
import { ForbiddenError } from '../../errors';
import { forbiddenRecord, type UserErrorShape } from './user-error';

/** Who writes: an API key's holder, or the command line on the server. */
export interface Writer {
  /** null for the command line */
  keyId: string | null;
  /** the key's name, for history */
  name: string;
  /** the organization a PARTNER key acts for; an INTERNAL key's, if it has one */
  organizationId: string | null;
  /** INTERNAL keys and the command line write everything */
  internal: boolean;
}

/** The command line on the server: staff, acting for no organization. */
export const COMMAND_LINE: Writer = { keyId: null, name: 'command line', organizationId: null, internal: true };

/** The caller as a writer; anonymous and DEVELOPER callers, and keys without WRITE, are FORBIDDEN. */
export function writerOf(caller: Caller): Writer {
  const key = caller.key;
  if (!key) throw new ForbiddenError('Writing needs a PARTNER or INTERNAL API key; this request sent none.');
  if (key.tier === 'DEVELOPER')
    throw new ForbiddenError('DEVELOPER keys read only; writing needs a PARTNER or INTERNAL key.');
  if (!key.scopes.includes('WRITE')) throw new ForbiddenError(`This ${key.tier} key lacks the WRITE scope.`);
  return { keyId: key.id, name: key.name, organizationId: key.organizationId, internal: key.tier === 'INTERNAL' };
}

/**
 * Null when `writer` may write records of `organizationId`, else FORBIDDEN_RECORD on `field`: a
 * PARTNER key writes its own organization's records only.
 */
export function ownershipError(writer: Writer, organizationId: string | null, field: string): UserErrorShape | null {
  if (writer.internal || (organizationId !== null && organizationId === writer.organizationId)) return null;
  return forbiddenRecord(field, "names a record of another organization than the key's");
}
