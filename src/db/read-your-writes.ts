import type { ApolloServerPlugin } from '@apollo/server';
import type { Database } from './client';

/**
 * Where one request reads, and whether it may have written; a holder, because Apollo executes
 * each operation on a shallow copy of the context and the HTTP layer reads the original.
 */
export interface Reading {
  /** a replica that has the caller's latest write, or the primary (ReadRouting.readerFor) */
  database: Database;
  /** set for a mutation operation: the caller's position is noted before the response is sent */
  wrote: boolean;
}

/** Marks each request whose operation is a mutation as one that may have written. */
export function readYourWritesPlugin<C extends { reading: Reading }>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation?.operation === 'mutation') contextValue.reading.wrote = true;
        },
      };
    },
  };
}
