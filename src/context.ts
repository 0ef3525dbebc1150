import type { Database, Db, Line } from './db/client';
import type { Reading } from './db/read-your-writes';
import type { JobQueue } from './jobs/queue';
import { createLoaders, type Loaders } from './loaders';
import type { BudgetStore, Charge } from './modules/access/budgets';
import type { Writes } from './modules/mutations/write';
import type { Caller } from './modules/access/tiers';
import type { RequestObservation } from './observability/request-plugin';
import type { RegionDirectory } from './modules/regions/directory';
import type { WebhookOptions } from './modules/webhooks/options';

/** What every resolver of one request sees. */
export interface Context {
  db: Db;
  loaders: Loaders;
  regions: RegionDirectory;
  /** who is calling, and which budget pays */
  caller: Caller;
  /** what this request was charged, set before execution */
  rateLimit?: Charge;
  /** the budgets, for a resolver that learns its full cost as it runs (an import's rows) */
  budgets?: BudgetStore;
  /** the job queue, for a mutation that sends a job in its transaction (an import, an export) */
  jobs?: JobQueue;
  /** how webhooks are sent, for the checks of a subscription's URL */
  webhooks?: WebhookOptions;
  /** the response's `data` as JSON text (its bytes, on the server), when one SQL statement answered the query */
  compiledData: { text?: Line };
  /** for a mutation operation: db and loaders are its transaction's, and this says how it writes */
  writes: Writes;
  /** where this request's reads go (a replica or the primary), and whether it wrote */
  reading: Reading;
  /** how the request was answered, for its log line and /metrics */
  observed: RequestObservation;
}

/** A request's context reading from `reader`; a mutation's plugin moves db and loaders to its transaction on the primary. */
export function createContext(reader: Database, regions: RegionDirectory, caller: Caller): Context {
  const { db } = reader;
  return {
    db,
    regions,
    caller,
    loaders: createLoaders(db),
    compiledData: {},
    writes: {},
    reading: { database: reader, wrote: false },
    observed: {},
  };
}
