import type { Context } from '../../context';
import { dataExports } from '../../db/schema';
import { BadUserInputError, ForbiddenError } from '../../errors';
import type {
  ExportFilter,
  ExportResolvers,
  MutationResolvers,
  StartExportInput,
  StartExportResultResolvers,
  ViewerResolvers,
} from '../../generated/graphql';
import { invalid, successOrUserError, type UserErrorShape } from '../mutations/user-error';
import { toGlobalId } from '../node/global-id';
import { childConnection } from '../pagination/lists';
import { selectedColumns } from '../pagination/selection';
import type { ListQuery, PagedTable } from '../pagination/store';
import { chargeRows } from './cost';
import { EXPORTED_LISTS } from './entities';
import { VIEWER_EXPORTS } from './lists';
import { EXPORT_FIELD_COLUMNS, type ExportRow } from './mappers';
import { downloadPath, exportSignature, isPast, unixSeconds } from './signing';
import { countListRows, findExportById, insertExport } from './store';
import { sendExportJob } from './worker';

/** An export, for the key that started it; null for anyone else, as if absent. */
export async function visibleExport(ctx: Context, id: string): Promise<ExportRow | null> {
  const key = ctx.caller.key;
  if (!key) return null;
  const found = await findExportById(ctx.db, id);
  return found?.apiKeyId === key.id ? found : null;
}

/** The list query an export's input asks for, or the UserError naming what is wrong with it. */
function exportQuery(
  input: StartExportInput,
  ctx: Context,
): { filter: ExportFilter; query: ListQuery<PagedTable> } | UserErrorShape {
  const list = EXPORTED_LISTS[input.entity];
  if (input.format === 'GIVING360_JSON' && input.entity !== 'DONATIONS') {
    return invalid('input.format', `GIVING360_JSON holds donations only; export ${input.entity} as CSV or JSONL`);
  }
  const given = input.filter ?? {};
  for (const [field, value] of Object.entries(given)) {
    if (field !== list.filterField && value != null) {
      return invalid(`input.filter.${field}`, `is not the filter of ${input.entity}; use filter.${list.filterField}`);
    }
  }
  const filter = given[list.filterField] ?? null;
  try {
    return { filter: { [list.filterField]: filter }, query: list.list({ filter }, ctx.regions) };
  } catch (error) {
    // the list's own checks name `filter.<field>`; here the filter sits under input.filter.<list>
    if (!(error instanceof BadUserInputError)) throw error;
    const argument = String(error.extensions['argument']);
    const problem = error.message.slice(argument.length + 2);
    return invalid(`input.${argument.replace(/^filter/, `filter.${list.filterField}`)}`, problem);
  }
}

export const Mutation: MutationResolvers = {
  /**
   * Runs in the request's transaction (the writes plugin's): the export row and its job are
   * written together, so the job exists iff the export does. The cost plugin has charged 10
   * points; the matching rows are counted and charged here.
   */
  startExport: async (_root, { input }, ctx) => {
    if (!ctx.caller.key) {
      throw new ForbiddenError('Exporting needs an API key: the download URL works only with the key that asked.');
    }
    if (ctx.writes.refusal) return ctx.writes.refusal;
    const asked = exportQuery(input, ctx);
    if ('code' in asked) return asked;
    const rows = await countListRows(ctx.db, asked.query);
    if (ctx.budgets) {
      const charged = await chargeRows(ctx.budgets, ctx.caller, rows);
      ctx.rateLimit = { ...charged, cost: (ctx.rateLimit?.cost ?? 0) + charged.cost };
    }
    const row = await insertExport(ctx.db, {
      apiKeyId: ctx.caller.key.id,
      entity: input.entity,
      format: input.format,
      filter: asked.filter as Record<string, unknown>,
    });
    await sendExportJob(ctx.jobs!, ctx.db, row.id);
    return { export: row };
  },
};

export const Export: ExportResolvers = {
  id: (e) => toGlobalId('Export', e.id),
  rowCount: (e) => (e.status === 'SUCCEEDED' ? e.rowCount : null),
  byteCount: (e) => (e.status === 'SUCCEEDED' ? e.byteCount : null),
  url: (e) => {
    if (e.status !== 'SUCCEEDED' || !e.expiresAt || isPast(e.expiresAt)) return null;
    const expires = unixSeconds(e.expiresAt);
    return downloadPath(toGlobalId('Export', e.id), expires, exportSignature(e.urlSecret, e.id, e.apiKeyId, expires));
  },
};

export const Viewer: ViewerResolvers = {
  exports: (key, args, ctx, info) =>
    childConnection(ctx, VIEWER_EXPORTS, key.id, args, selectedColumns(info, dataExports, EXPORT_FIELD_COLUMNS)),
};

export const StartExportResult: StartExportResultResolvers = {
  __resolveType: successOrUserError('StartExportSuccess'),
};
