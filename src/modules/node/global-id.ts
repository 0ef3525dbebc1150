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
  'RecordChange',
  'Import',
  'WebhookSubscription',
  'WebhookDelivery',
  'Export',
  'Source',
] as const;
export type NodeType = (typeof NODE_TYPES)[number];

/** Types with global IDs that are not part of the public graph, so `node(id:)` does not resolve them. */
const PRIVATE_TYPES = ['ApiKey'] as const;
export type IdType = NodeType | (typeof PRIVATE_TYPES)[number];
const ID_TYPES: readonly IdType[] = [...NODE_TYPES, ...PRIVATE_TYPES];

export function isNodeType(type: IdType): type is NodeType {
  return (NODE_TYPES as readonly IdType[]).includes(type);
}

/** Opaque and stable: base64url of `Type:uuid`. Clients must not parse it. */
export function toGlobalId(type: IdType, id: string): string {
  return Buffer.from(`${type}:${id}`).toString('base64url');
}

/** The type and row id behind a global ID, or null when it is not one of ours. */
export function parseGlobalId(globalId: string): { type: IdType; id: string } | null {
  const text = Buffer.from(globalId, 'base64url').toString('utf8');
  const colon = text.indexOf(':');
  const type = text.slice(0, colon) as IdType;
  const id = text.slice(colon + 1);
  return colon > 0 && ID_TYPES.includes(type) && isUuid(id) ? { type, id } : null;
}

/** The row id of a global ID that must be of `type`; anything else is BAD_USER_INPUT on `argument`. */
export function expectGlobalId(globalId: string, type: IdType, argument: string): string {
  const parsed = parseGlobalId(globalId);
  if (!parsed) throw new BadUserInputError(argument, 'is not a valid ID');
  if (parsed.type !== type) throw new BadUserInputError(argument, `is the ID of a ${parsed.type}, not of a ${type}`);
  return parsed.id;
}
