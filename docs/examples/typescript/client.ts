/**
 * A small typed client for gongyi-graph on the global `fetch` (Node 18 and later). The documents
 * and their result types come from generated.ts, which codegen.ts makes from operations.graphql.
 *
 *     npx tsx docs/examples/typescript/client.ts [origin]      # default http://127.0.0.1:4000
 *     GONGYI_API_KEY=gyk1_… npx tsx docs/examples/typescript/client.ts https://api.example.org
 *
 * It runs in browsers too: the API answers every origin with `Access-Control-Allow-Origin: *`,
 * answers CORS preflights for GET and POST (with `Authorization`, `Content-Type`,
 * `Idempotency-Key` and Apollo's preflight headers, cached for a day), and lets scripts read the
 * `X-RateLimit-*`, `Retry-After` and `Idempotent-Replayed` headers. It never uses cookies, so keep
 * a key out of pages other people load: anyone who can read a page can spend its key's budget.
 */
import {
  DonationSummaryDocument,
  OrganizationsDocument,
  RateLimitDocument,
  type DonationFilter,
  type DonationSummaryQuery,
  type OrganizationsQuery,
  type OrganizationsQueryVariables,
  type RateLimitQuery,
  type TypedDocumentString,
} from './generated';

/** The caller's budget as the `X-RateLimit-*` headers report it, in points. */
export interface RateLimitHeaders {
  limit: number;
  remaining: number;
  used: number;
  /** when the window ends and the budget is whole again (`X-RateLimit-Reset`, Unix seconds) */
  reset: Date;
}

/** `extensions.cost` of a response: what this request was charged and what is left. */
export interface Cost {
  requested: number;
  limit: number;
  remaining: number;
  /** ISO 8601 */
  resetAt: string;
}

export interface GraphQLErrorEntry {
  message: string;
  path?: Array<string | number>;
  extensions?: { code?: string; [name: string]: unknown };
}

/** A successful response: its data, and what it cost. */
export interface Result<T> {
  data: T;
  cost: Cost;
  rateLimit: RateLimitHeaders;
}

/** A mutation's response; `replayed` when an `Idempotency-Key` retry got the first response again and wrote nothing. */
export interface MutationResult<T> extends Result<T> {
  replayed: boolean;
}

export interface MutationOptions {
  /**
   * Sent as the `Idempotency-Key` header (1–255 characters): a retry with the same key and the same
   * request is answered with the first response and writes nothing. Kept 24 hours, per API key.
   */
  idempotencyKey?: string;
}

/**
 * The request failed: refused by HTTP status (401, 429, 400 …) or answered with GraphQL errors.
 * This client treats partial data as a failure too; a real one may want to keep it.
 */
export class GongyiError extends Error {
  constructor(
    readonly status: number,
    readonly errors: GraphQLErrorEntry[],
    /** the budget after the request; null on responses that carry none (401, transport errors) */
    readonly rateLimit: RateLimitHeaders | null,
    /** seconds to wait before retrying (`Retry-After`, sent with 429 RATE_LIMITED); null otherwise */
    readonly retryAfter: number | null,
  ) {
    super(errors.map((e) => `${e.extensions?.code ?? `HTTP ${status}`}: ${e.message}`).join('\n') || `HTTP ${status}`);
    this.name = 'GongyiError';
  }

  /** The first error's `extensions.code`, such as `RATE_LIMITED` or `UNAUTHENTICATED`. */
  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
}

export interface ClientOptions {
  /** where the API is served, such as `http://127.0.0.1:4000`; requests go to `<origin>/graphql` */
  origin: string;
  /** sent as `Authorization: Bearer <key>`; without one the caller is anonymous */
  apiKey?: string;
}

function rateLimitOf(headers: Headers): RateLimitHeaders | null {
  const [limit, remaining, used, reset] = ['limit', 'remaining', 'used', 'reset'].map((name) =>
    headers.get(`x-ratelimit-${name}`),
  );
  if (limit == null || remaining == null || used == null || reset == null) return null;
  return {
    limit: Number(limit),
    remaining: Number(remaining),
    used: Number(used),
    reset: new Date(Number(reset) * 1000),
  };
}

/** A client for one API and one caller. */
export function createClient(options: ClientOptions) {
  const endpoint = `${options.origin.replace(/\/+$/, '')}/graphql`;

  /** POSTs one operation as JSON: no CSRF preflight header is needed for that. */
  async function send<TResult, TVariables>(
    document: TypedDocumentString<TResult, TVariables>,
    variables: TVariables,
    headers: Record<string, string>,
  ): Promise<{ result: Result<TResult>; headers: Headers }> {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query: document.toString(), variables }),
    });
    const text = await response.text();
    let body: { data?: TResult | null; errors?: GraphQLErrorEntry[]; extensions?: { cost?: Cost }; message?: string };
    try {
      body = JSON.parse(text);
    } catch {
      body = { message: text };
    }
    const rateLimit = rateLimitOf(response.headers);
    // transport errors (413, 415) come from the HTTP server as { statusCode, code, error, message }
    const errors = body.errors ?? (response.ok ? [] : [{ message: body.message ?? response.statusText }]);
    if (errors.length > 0 || body.data == null || rateLimit === null || body.extensions?.cost === undefined) {
      const retryAfter = response.headers.get('retry-after');
      throw new GongyiError(response.status, errors, rateLimit, retryAfter === null ? null : Number(retryAfter));
    }
    return { result: { data: body.data, cost: body.extensions.cost, rateLimit }, headers: response.headers };
  }

  /** Runs a query. */
  async function execute<TResult, TVariables>(
    document: TypedDocumentString<TResult, TVariables>,
    variables: TVariables,
  ): Promise<Result<TResult>> {
    return (await send(document, variables, {})).result;
  }

  /**
   * Runs a mutation. Its expected failures are data (a `UserError` in the result), not a thrown
   * GongyiError: only the request itself failing throws.
   */
  async function mutate<TResult, TVariables>(
    document: TypedDocumentString<TResult, TVariables>,
    variables: TVariables,
    { idempotencyKey }: MutationOptions = {},
  ): Promise<MutationResult<TResult>> {
    const { result, headers } = await send(
      document,
      variables,
      idempotencyKey === undefined ? {} : { 'idempotency-key': idempotencyKey },
    );
    return { ...result, replayed: headers.get('idempotent-replayed') === 'true' };
  }

  return {
    execute,
    mutate,

    /** One page of organizations; 1–100 a page, 20 when `first` is left out. */
    organizations: (variables: OrganizationsQueryVariables = {}): Promise<Result<OrganizationsQuery>> =>
      execute(OrganizationsDocument, variables),

    /** Every page of organizations in turn, following `pageInfo.endCursor`; each page is charged on its own. */
    async *organizationPages(variables: OrganizationsQueryVariables = {}): AsyncGenerator<Result<OrganizationsQuery>> {
      let after = variables.after ?? null;
      for (;;) {
        const page = await execute(OrganizationsDocument, { ...variables, after });
        yield page;
        const { hasNextPage, endCursor } = page.data.organizations.pageInfo;
        if (!hasNextPage || endCursor === null) return;
        after = endCursor;
      }
    },

    /** Totals over every donation matching `filter`, exact decimal strings. */
    donationSummary: (filter?: DonationFilter): Promise<Result<DonationSummaryQuery>> =>
      execute(DonationSummaryDocument, { filter }),

    /** Who the key belongs to (null when anonymous) and the budget after this request. */
    rateLimit: (): Promise<Result<RateLimitQuery>> => execute(RateLimitDocument, {}),
  };
}

export type Client = ReturnType<typeof createClient>;

async function main(): Promise<void> {
  const origin = process.argv[2] ?? 'http://127.0.0.1:4000';
  const client = createClient({ origin, apiKey: process.env['GONGYI_API_KEY'] || undefined });

  const { data: page } = await client.organizations({ first: 5, orderBy: { field: 'NAME', direction: 'ASC' } });
  console.log(`${page.organizations.totalCount} organizations; the first ${page.organizations.nodes.length}:`);
  for (const organization of page.organizations.nodes) {
    console.log(`  ${organization.name}  ${organization.type}  ${organization.region?.name ?? '—'}`);
  }

  const { data: summary } = await client.donationSummary();
  const { donationCount, total } = summary.donationSummary;
  console.log(`${donationCount} donations, ${total.value} ${total.currency} in all`);

  const { data: budget, rateLimit } = await client.rateLimit();
  const who = budget.viewer ? `${budget.viewer.name} (${budget.viewer.tier})` : 'anonymous';
  console.log(
    `${who}: ${rateLimit.remaining} of ${rateLimit.limit} points left until ${rateLimit.reset.toISOString()}`,
  );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof GongyiError ? `${error.message} (HTTP ${error.status})` : error);
    process.exitCode = 1;
  });
}
