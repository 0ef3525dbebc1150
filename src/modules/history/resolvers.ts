import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../context';
import { recordChanges } from '../../db/schema';
import { ForbiddenError } from '../../errors';
import type { ActorResolvers, QueryResolvers, RecordChangeResolvers } from '../../generated/graphql';
import { toGlobalId } from '../node/global-id';
import { childConnection, rootConnection } from '../pagination/lists';
import { selectedColumns } from '../pagination/selection';
import { AUDIT_LOG, RECORD_HISTORY, type HistoryArgs } from './lists';
import { RECORD_CHANGE_FIELD_COLUMNS } from './mappers';
import { loadChangedRecord } from './loaders';

/** `history` of a written record: the resolver every writable type shares. */
export const history = (record: { id: string }, args: HistoryArgs, ctx: Context, info: GraphQLResolveInfo) =>
  childConnection(
    ctx,
    RECORD_HISTORY,
    record.id,
    args,
    selectedColumns(info, recordChanges, RECORD_CHANGE_FIELD_COLUMNS),
  );

export const Query: QueryResolvers = {
  auditLog: (_root, args, ctx, info) => {
    if (ctx.caller.key?.tier !== 'INTERNAL') throw new ForbiddenError('The audit log is for INTERNAL keys only.');
    return rootConnection(
      ctx.db,
      AUDIT_LOG(args, ctx.regions),
      selectedColumns(info, recordChanges, RECORD_CHANGE_FIELD_COLUMNS),
    );
  },
};

export const RecordChange: RecordChangeResolvers = {
  id: (c) => toGlobalId('RecordChange', c.id),
  record: (c, _args, ctx) => loadChangedRecord(ctx, c.entity, c.recordId),
  actor: (c) => c,
  changes: (c) =>
    Object.keys({ ...c.before, ...c.after })
      .sort()
      .map((field) => ({
        field,
        before: c.before?.[field] ?? null,
        after: c.after[field] ?? null,
      })),
};

export const Actor: ActorResolvers = {
  name: (c) => c.actorName,
  organization: (c, _args, ctx) =>
    c.actorOrganizationId ? ctx.loaders.organizationById.load(c.actorOrganizationId) : null,
};
