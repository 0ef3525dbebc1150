import { parseGlobalId, type NodeType } from '../node/global-id';
import { invalid, isUserError, type UserErrorShape } from './user-error';

/**
 * Readers of input fields shared by every mutation and import: each returns the value as stored,
 * or the UserError naming `field`. A reader's result is checked with `isUserError` by the caller.
 */

/** The row id behind a global ID that must be of `type`. */
export function readId(globalId: string, type: NodeType, field: string): string | UserErrorShape {
  const parsed = parseGlobalId(globalId);
  if (!parsed) return invalid(field, 'is not a valid ID');
  if (parsed.type !== type) return invalid(field, `is the ID of a ${parsed.type}, not of a ${type}`);
  return parsed.id;
}

/** Text trimmed, of `min`–`max` characters. */
export function readText(text: string, field: string, max: number, min = 1): string | UserErrorShape {
  const trimmed = text.trim();
  const length = [...trimmed].length;
  if (length < min || length > max)
    return invalid(field, `must be ${min}–${max.toLocaleString('en')} characters, got ${length}`);
  return trimmed;
}

/** A whole count of people or person-times: 0 to 2³¹ − 1. */
export function readCount(value: number, field: string): number | UserErrorShape {
  if (!Number.isInteger(value) || value < 0 || value > 2_147_483_647) {
    return invalid(field, `must be a whole number of at least 0, got ${value}`);
  }
  return value;
}

/** Null when a period's end (`field`) is not before its start; both `YYYY-MM-DD`. */
export function periodError(start: string, end: string | null | undefined, field: string): UserErrorShape | null {
  return end != null && end < start ? invalid(field, `must not be before ${start}, got ${end}`) : null;
}

/** The first UserError among `values`, if any. */
export function firstError(...values: unknown[]): UserErrorShape | undefined {
  return values.find(isUserError);
}
