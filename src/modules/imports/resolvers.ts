import type { Context } from '../../context';
import type { ImportRow } from './mappers';

/** An import, for the key that sent it and for INTERNAL keys; null for anyone else, as if absent. */
export async function visibleImport(ctx: Context, id: string): Promise<ImportRow | null> {
  const found = await ctx.loaders.importById.load(id);
  const key = ctx.caller.key;
  if (!found || !key) return null;
  return key.tier === 'INTERNAL' || found.apiKeyId === key.id ? found : null;
}
