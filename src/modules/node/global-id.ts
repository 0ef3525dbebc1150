import { BadUserInputError } from '../../errors';
import { isUuid } from './uuid';

/** The object types that have global IDs. */
export const NODE_TYPES = [
  'Organization',
  'Project',
  'ProjectReport',
  'Donation',
  'TrainingSession',
  'GovernanceMetric',
] as const;
export type NodeType = (typeof NODE_TYPES)[number];

/** Opaque and stable: base64url of `Type:uuid`. Clients must not parse it. */
export function toGlobalId(type: NodeType, id: string): string {
  return Buffer.from(`${type}:${id}`).toString('base64url');
}

/** The type and row id behind a global ID, or null when it is not one of ours. */
export function parseGlobalId(globalId: string): { type: NodeType; id: string } | null {
  const text = Buffer.from(globalId, 'base64url').toString('utf8');
  const colon = text.indexOf(':');
  const type = text.slice(0, colon) as NodeType;
  const id = text.slice(colon + 1);
  return colon > 0 && NODE_TYPES.includes(type) && isUuid(id) ? { type, id } : null;
}

/** The row id of a global ID that must be of `type`; anything else is BAD_USER_INPUT on `argument`. */
export function expectGlobalId(globalId: string, type: NodeType, argument: string): string {
  const parsed = parseGlobalId(globalId);
  if (!parsed) throw new BadUserInputError(argument, 'is not a valid ID');
  if (parsed.type !== type) throw new BadUserInputError(argument, `is the ID of a ${parsed.type}, not of a ${type}`);
  return parsed.id;
}
