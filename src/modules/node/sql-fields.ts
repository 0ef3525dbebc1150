import type { SqlRootField } from '../compiled-reads/fields';

/** `node` and `nodes` in SQL: each ID a look-up in its type's table, whichever SQL type it names. */
export const NODE_ROOT_SQL: Record<string, SqlRootField> = {
  node: { kind: 'node' },
  nodes: { kind: 'nodes' },
};
