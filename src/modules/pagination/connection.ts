import type { Edge, Page } from './store';

/** What a connection field resolves to: the page and the count, each fetched only if asked. */
export interface ConnectionParent<N = unknown> {
  page: () => Promise<Page<N>>;
  totalCount: () => Promise<number>;
}

export type EdgeParent<N = unknown> = Edge<N>;

/** Memoizes a thunk, so several fields of one connection share one fetch. */
export function once<T>(fn: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= fn());
}

export function connection<N>(page: () => Promise<Page<N>>, totalCount: () => Promise<number>): ConnectionParent<N> {
  return { page: once(page), totalCount: once(totalCount) };
}

/** Any connection: the node type is checked where the connection is built, not here. */
type AnyConnection = ConnectionParent<any>;

/** The same resolvers serve every connection type. */
export const connectionResolvers = {
  edges: async (c: AnyConnection) => (await c.page()).edges,
  nodes: async (c: AnyConnection) => (await c.page()).edges.map((e) => e.node),
  pageInfo: (c: AnyConnection) => c,
  totalCount: (c: AnyConnection) => c.totalCount(),
};

export const pageInfoResolvers = {
  hasNextPage: async (c: AnyConnection) => (await c.page()).hasNextPage,
  hasPreviousPage: async (c: AnyConnection) => (await c.page()).hasPreviousPage,
  startCursor: async (c: AnyConnection) => (await c.page()).edges[0]?.cursor ?? null,
  endCursor: async (c: AnyConnection) => (await c.page()).edges.at(-1)?.cursor ?? null,
};
