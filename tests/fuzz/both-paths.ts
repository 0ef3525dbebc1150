import type { GraphQLSchema } from 'graphql';
import type { SqlSchema } from '../../src/modules/compiled-reads/compile';
import { DEFAULT_TIER_BUDGETS } from '../../src/modules/access/tiers';
import { KnownValues, randomQuery, type RandomQuery } from '../support/random-queries';
import type { TestServer, TestServerOptions } from '../support/server';

/**
 * Random queries sent to a server that compiles reads and to one that only runs resolvers, over
 * one database, with their answers compared: the resolvers' answer is the reference.
 */

/** Both servers' options: the default query limits, and budgets no run of queries exhausts. */
export const SERVER_OPTIONS: TestServerOptions = {
  access: { tierBudgets: { ...DEFAULT_TIER_BUDGETS, ANONYMOUS: 100_000_000 } },
};

export interface Answer {
  status: number;
  body: unknown;
}

/** A query whose answers differ, or that failed with an internal error on either path. */
export interface Difference {
  index: number;
  query: RandomQuery;
  compiled: Answer;
  resolved: Answer;
}

export interface RunSummary {
  queries: number;
  identical: number;
  mismatches: Difference[];
  internalErrors: Difference[];
  /** queries the compiling server answered with one statement */
  oneStatement: number;
  /** answers with errors, by the first error's code */
  errorCodes: Record<string, number>;
}

/** Asked once before a run, so that its first queries already know IDs and codes from the data. */
export const FIRST_VALUES = /* GraphQL */ `
  query FirstValues {
    organizations(first: 100) {
      nodes {
        id
        name
        creditCode
        region {
          code
        }
      }
    }
    reported: organizations(first: 30, filter: { provenance: [REPORTED] }) {
      nodes {
        id
        name
        creditCode
      }
    }
    projects(first: 50) {
      nodes {
        id
        name
        reports(first: 2) {
          nodes {
            id
          }
        }
      }
    }
    donations(first: 50) {
      nodes {
        id
      }
    }
    trainingSessions(first: 50) {
      nodes {
        id
        title
      }
    }
    governanceMetrics(first: 50) {
      nodes {
        id
        indicator {
          code
        }
      }
    }
  }
`;

/**
 * Field weights for the generator: fields only resolvers answer are drawn rarely, so most
 * queries run on the compiled path, and `rateLimit` (whose answer is each server's own) never.
 */
export function favouringSql(sqlSchema: SqlSchema): (type: string, field: string) => number {
  return (type, field) => {
    if (type === 'Query') return field === 'rateLimit' ? 0 : sqlSchema.roots[field] ? 1 : 0.04;
    return sqlSchema.types[type]?.fields[field] === null ? 0.04 : 1;
  };
}

/**
 * Sends `count` queries of the run seeded `seed`, one at a time, to both servers (which share a
 * database) and compares each pair of answers. The values later queries use (IDs, cursors, codes)
 * are learned from earlier answers, so a run is the same every time over the same data.
 */
export async function compareBothPaths(run: {
  schema: GraphQLSchema;
  sqlSchema: SqlSchema;
  seed: string;
  count: number;
  compiled: TestServer;
  resolved: TestServer;
  /** called after each query with its answers compared */
  onQuery?: (query: RandomQuery, summary: RunSummary) => void;
}): Promise<RunSummary> {
  const summary: RunSummary = {
    queries: 0,
    identical: 0,
    mismatches: [],
    internalErrors: [],
    oneStatement: 0,
    errorCodes: {},
  };
  const known = new KnownValues();
  known.learn((await run.resolved.query(FIRST_VALUES)).body.data);
  const weight = favouringSql(run.sqlSchema);
  for (let index = 0; index < run.count; index += 1) {
    const query = randomQuery(run.schema, run.seed, index, known, { weight });
    const before = run.compiled.statements();
    const compiled = normalized(await run.compiled.query(query.document, query.variables));
    if (run.compiled.statements() - before === 1) summary.oneStatement += 1;
    const resolved = normalized(await run.resolved.query(query.document, query.variables));
    summary.queries += 1;
    const difference = { index, query, compiled, resolved };
    if (JSON.stringify(compiled) === JSON.stringify(resolved)) summary.identical += 1;
    else summary.mismatches.push(difference);
    if (hasInternalError(compiled) || hasInternalError(resolved)) summary.internalErrors.push(difference);
    const code = firstErrorCode(resolved);
    if (code) summary.errorCodes[code] = (summary.errorCodes[code] ?? 0) + 1;
    known.learn((resolved.body as { data?: unknown }).data, query.cursorSites);
    run.onQuery?.(query, summary);
  }
  return summary;
}

/** A difference as text to reproduce it by: the document, its variables, and both answers. */
export function describeDifference(d: Difference): string {
  return [
    `query #${d.index}`,
    d.query.document,
    `variables: ${JSON.stringify(d.query.variables)}`,
    `compiled reads (${d.compiled.status}): ${JSON.stringify(d.compiled.body)}`,
    `resolvers      (${d.resolved.status}): ${JSON.stringify(d.resolved.body)}`,
  ].join('\n');
}

/** The answer without what differs by design: each internal error's id (cost is taken out already). */
export function normalized(response: Awaited<ReturnType<TestServer['query']>>): Answer {
  const text = JSON.stringify(response.body)
    .replace(/\(error id [0-9a-f-]+\)/g, '(error id)')
    .replace(/"errorId":"[0-9a-f-]+"/g, '"errorId":""');
  return { status: response.status, body: JSON.parse(text) };
}

function errorsOf(answer: Answer): Array<{ extensions?: { code?: string } }> {
  return (answer.body as { errors?: Array<{ extensions?: { code?: string } }> }).errors ?? [];
}

export function hasInternalError(answer: Answer): boolean {
  return errorsOf(answer).some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR');
}

function firstErrorCode(answer: Answer): string | undefined {
  const [first] = errorsOf(answer);
  return first ? (first.extensions?.code ?? 'NO_CODE') : undefined;
}
