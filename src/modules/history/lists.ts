import { recordChanges } from '../../db/schema';
import type { QueryAuditLogArgs } from '../../generated/graphql';
import { pageWindow, type PagingArgs } from '../pagination/arguments';
import type { ChildList, ListBuilder } from '../pagination/lists';
import { auditLogConditions, auditLogList, recordHistoryList } from './store';

/** `Query.auditLog`. */
export const AUDIT_LOG: ListBuilder<typeof recordChanges, QueryAuditLogArgs> = (args) =>
  auditLogList(auditLogConditions(args.filter), pageWindow(args));

/** The arguments of every `history` field. */
export type HistoryArgs = Readonly<Record<string, unknown>> & PagingArgs;

/** `history` of any written record: its changes, oldest version first. */
export const RECORD_HISTORY: ChildList<typeof recordChanges, HistoryArgs> = {
  relation: 'history',
  parent: recordChanges.recordId,
  query: (args) => recordHistoryList(pageWindow(args)),
};
