import type { Context } from '../../context';
import { importErrors } from '../../db/schema';
import type { ImportRecordsResultResolvers, ImportResolvers, MutationResolvers } from '../../generated/graphql';
import { successOrUserError } from '../mutations/user-error';
import { write } from '../mutations/write';
import { toGlobalId } from '../node/global-id';
import { childConnection } from '../pagination/lists';
import { selectedColumns } from '../pagination/selection';
import { enqueueImport } from './enqueue';
import { IMPORT_ERRORS } from './lists';
import { IMPORT_ERROR_FIELD_COLUMNS, type ImportRow } from './mappers';

/** An import, for the key that sent it and for INTERNAL keys; null for anyone else, as if absent. */
export async function visibleImport(ctx: Context, id: string): Promise<ImportRow | null> {
  const found = await ctx.loaders.importById.load(id);
  const key = ctx.caller.key;
  if (!found || !key) return null;
  return key.tier === 'INTERNAL' || found.apiKeyId === key.id ? found : null;
}

export const Mutation: MutationResolvers = {
  /**
   * Queues the import in the request's transaction (the writes plugin's): its row and its job,
   * which holds the text, commit together. The cost plugin has charged 10 points; the worker
   * charges the rows to the caller's budget once it has counted them.
   */
  importRecords: async (_root, { input }, ctx) =>
    write(ctx, {}, async (tx, writer) => {
      const request = { entity: input.entity, mode: input.mode ?? 'ALL_OR_NOTHING', format: input.format };
      const job = {
        writer,
        payer: { budgetKey: ctx.caller.budgetKey, limit: ctx.caller.limit },
        content: input.content,
      };
      return { import: await enqueueImport(tx, ctx.jobs!, { ...request, uploadPath: null }, job) };
    }),
};

export const Import: ImportResolvers = {
  id: (i) => toGlobalId('Import', i.id),
  errors: (i, args, ctx, info) =>
    childConnection(ctx, IMPORT_ERRORS, i.id, args, selectedColumns(info, importErrors, IMPORT_ERROR_FIELD_COLUMNS)),
};

export const ImportRecordsResult: ImportRecordsResultResolvers = {
  __resolveType: successOrUserError('ImportRecordsSuccess'),
};
