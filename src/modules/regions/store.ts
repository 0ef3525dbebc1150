import type { Db } from '../../db/client';
import { anyOf } from '../../db/any-of';
import { regions } from '../../db/schema';

/** Which of `codes` are GB/T 2260 regions held here. */
export async function findKnownRegionCodes(db: Db, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const found = await db
    .select({ code: regions.code })
    .from(regions)
    .where(anyOf(regions.code, [...new Set(codes)], 'text'));
  return new Set(found.map((r) => r.code));
}
