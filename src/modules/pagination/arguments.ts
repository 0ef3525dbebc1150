import { BadUserInputError } from '../../errors';
import { decodeCursor, type Position } from './cursor';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PagingArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** A page request in keyset terms: how many, which way, and from where. */
export interface PageWindow {
  limit: number;
  backward: boolean;
  from: Position | null;
}

function pageSize(name: 'first' | 'last', value: number): number {
  if (!Number.isInteger(value) || value < 1 || value > MAX_PAGE_SIZE) {
    throw new BadUserInputError(name, `must be between 1 and ${MAX_PAGE_SIZE}, got ${value}`);
  }
  return value;
}

/** Relay arguments to a window; `first` with `before`, or `first` with `last`, are refused. */
export function pageWindow(args: PagingArgs): PageWindow {
  const { first, after, last, before } = args;
  if (first != null && last != null) throw new BadUserInputError('last', 'cannot be given together with first');
  if (last != null || (before != null && first == null)) {
    if (after != null) throw new BadUserInputError('after', 'cannot be given when paging backward with last/before');
    return {
      limit: last != null ? pageSize('last', last) : DEFAULT_PAGE_SIZE,
      backward: true,
      from: before != null ? decodeCursor(before, 'before') : null,
    };
  }
  if (before != null) throw new BadUserInputError('before', 'cannot be given together with first');
  return {
    limit: first != null ? pageSize('first', first) : DEFAULT_PAGE_SIZE,
    backward: false,
    from: after != null ? decodeCursor(after, 'after') : null,
  };
}
