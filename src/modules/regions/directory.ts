import { asc } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { regions } from '../../db/schema';
import { BadUserInputError } from '../../errors';
import type { RegionRow } from './mappers';

/**
 * The GB/T 2260 divisions held in memory: reference data that changes only with a migration,
 * so region fields and region filters cost no SQL at request time.
 */
export class RegionDirectory {
  private constructor(private readonly byCode: ReadonlyMap<string, RegionRow>) {}

  static async load(db: Db): Promise<RegionDirectory> {
    const all = await db.select().from(regions).orderBy(asc(regions.code));
    return new RegionDirectory(new Map(all.map((r) => [r.code, r])));
  }

  get(code: string | null): RegionRow | null {
    return code === null ? null : (this.byCode.get(code) ?? null);
  }

  /** The inclusive code range of a region and every division below it, and its level; `argument` names the input. */
  subtree(code: string, argument: string): { from: string; to: string; level: number } {
    if (!/^\d{6}$/.test(code))
      throw new BadUserInputError(argument, `must be a six-digit GB/T 2260 code, got "${code}"`);
    const region = this.byCode.get(code);
    if (!region) throw new BadUserInputError(argument, `is not a known GB/T 2260 region: ${code}`);
    const prefix = code.slice(0, region.level === 1 ? 2 : region.level === 2 ? 4 : 6);
    return { from: prefix.padEnd(6, '0'), to: prefix.padEnd(6, '9'), level: region.level };
  }
}
