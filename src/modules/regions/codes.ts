import { invalid, type UserErrorShape } from '../mutations/user-error';

/** A GB/T 2260 code as written to a region column: six digits, or null when not given. */
export function readRegionCode(code: string | null | undefined, field: string): string | null | UserErrorShape {
  if (code == null || code.trim() === '') return null;
  const trimmed = code.trim();
  return /^\d{6}$/.test(trimmed) ? trimmed : invalid(field, `must be a six-digit GB/T 2260 code, got "${code}"`);
}

/** Null when `code` is absent or among `known`, else INVALID on `field`. */
export function unknownRegionError(
  code: string | null,
  known: ReadonlySet<string>,
  field: string,
): UserErrorShape | null {
  return code === null || known.has(code) ? null : invalid(field, `is not a known GB/T 2260 region: ${code}`);
}
