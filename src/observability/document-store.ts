import type { ApolloServerOptions } from '@apollo/server';
import type { DocumentNode } from 'graphql';
import { LRUCache } from 'lru-cache';

type DocumentStore = NonNullable<ApolloServerOptions<never>['documentStore']>;

/** Apollo's default bound for parsed and validated documents: 30 MiB of their JSON. */
const DOCUMENT_STORE_BYTES = 30 * 1024 * 1024;

/**
 * Apollo's store of parsed and validated documents, as Apollo makes it by default (an LRU of 30 MiB
 * measured as JSON), made here so that /metrics can report its size.
 */
export class MeasuredDocumentStore implements DocumentStore {
  readonly cache = new LRUCache<string, DocumentNode>({
    maxSize: DOCUMENT_STORE_BYTES,
    sizeCalculation: (document, key) => key.length + Buffer.byteLength(JSON.stringify(document), 'utf8'),
  });

  async get(key: string): Promise<DocumentNode | undefined> {
    return this.cache.get(key);
  }

  async set(key: string, document: DocumentNode): Promise<void> {
    this.cache.set(key, document);
  }

  async delete(key: string): Promise<boolean> {
    return this.cache.delete(key);
  }
}
