import { Readable } from 'node:stream';
import type { Context } from '../../context';
import { importErrors } from '../../db/schema';
import type { ImportRecordsResultResolvers, ImportResolvers, MutationResolvers } from '../../generated/graphql';
import { successOrUserError } from '../mutations/user-error';
import { writerOf } from '../mutations/writer';
import { toGlobalId } from '../node/global-id';
import { childConnection } from '../pagination/lists';
import { selectedColumns } from '../pagination/selection';
import { chargeRows } from './cost';
import { IMPORT_ERRORS } from './lists';
import { IMPORT_ERROR_FIELD_COLUMNS, type ImportRow } from './mappers';
import { ImportFailedError, runImport } from './run';

/** An import, for the key that sent it and for INTERNAL keys; null for anyone else, as if absent. */
export async function visibleImport(ctx: Context, id: string): Promise<ImportRow | null> {
  const found = await ctx.loaders.importById.load(id);
  const key = ctx.caller.key;
  if (!found || !key) return null;
  return key.tier === 'INTERNAL' || found.apiKeyId === key.id ? found : null;
}

export const Mutation: MutationResolvers = {
  /**
   * The import runs in the request's transaction (the writes plugin's), its data in a savepoint;
   * the cost plugin has charged 10 points, and the rows are charged here once counted.
   */
  importRecords: async (_root, { input }, ctx) => {
    const writer = writerOf(ctx.caller);
    if (ctx.writes.refusal) return ctx.writes.refusal;
    const request = { entity: input.entity, mode: input.mode ?? 'ALL_OR_NOTHING', format: input.format };
    let outcome;
    try {
      outcome = await runImport(ctx.db, writer, request, Readable.from([input.content]));
    } catch (error) {
      // the request's transaction failed with it: answer as for any failure of the database
      throw error instanceof ImportFailedError ? error.cause : error;
    }
    if (ctx.budgets) {
      const charged = await chargeRows(ctx.budgets, ctx.caller, outcome.import.rowCount);
      ctx.rateLimit = { ...charged, cost: (ctx.rateLimit?.cost ?? 0) + charged.cost };
    }
    return { import: outcome.import };
  },
};

export const Import: ImportResolvers = {
  id: (i) => toGlobalId('Import', i.id),
  errors: (i, args, ctx, info) =>
    childConnection(ctx, IMPORT_ERRORS, i.id, args, selectedColumns(info, importErrors, IMPORT_ERROR_FIELD_COLUMNS)),
};

export const ImportRecordsResult: ImportRecordsResultResolvers = {
  __resolveType: successOrUserError('ImportRecordsSuccess'),
};
