import type { Db } from './db/client';
import { createLoaders, type Loaders } from './loaders';
import type { RegionDirectory } from './modules/regions/directory';

/** What every resolver of one request sees. */
export interface Context {
  db: Db;
  loaders: Loaders;
  regions: RegionDirectory;
}

export function createContext(db: Db, regions: RegionDirectory): Context {
  return { db, regions, loaders: createLoaders(db) };
}
