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

const SLOT = Symbol('loaders');

/**
 * Where a context's `loaders` live: made on first use, since most reads are answered by one compiled
 * statement and never load (making every loader of every module was about 4% of the server's CPU on
 * a page of organizations). The accessor is on the prototype and the slot an own property, because
 * Apollo runs each operation on a copy of the context's own properties (Object.assign), which would
 * otherwise read the accessor, and so make the loaders, at every request.
 */
const lazyLoaders = {
  get loaders(): Loaders {
    const self = this as unknown as Context & { [SLOT]: { loaders?: Loaders } };
    return (self[SLOT].loaders ??= createLoaders(self.db));
  },
  set loaders(loaders: Loaders) {
    (this as unknown as { [SLOT]: { loaders?: Loaders } })[SLOT].loaders = loaders;
  },
};

/** A request's context reading from `reader`; a mutation's plugin moves db and loaders to its transaction on the primary. */
export function createContext(reader: Database, regions: RegionDirectory, caller: Caller): Context {
  const own: Omit<Context, 'loaders'> & { [SLOT]: { loaders?: Loaders } } = {
    db: reader.db,
    regions,
    caller,
    compiledData: {},
    writes: {},
    reading: { database: reader, wrote: false },
    observed: {},
    [SLOT]: {},
  };
  return Object.assign(Object.create(lazyLoaders) as Context, own);
}
