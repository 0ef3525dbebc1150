/** What became of each request, and the first few of each kind kept as evidence. */
import { isDeepStrictEqual } from 'node:util';
import type { HttpRequest, HttpResult } from './http';

export type Outcome = 'ok' | 'clientError' | 'unavailable' | 'wrong' | 'internal' | 'connection';
export const OUTCOMES: readonly Outcome[] = ['ok', 'clientError', 'unavailable', 'wrong', 'internal', 'connection'];

export interface Classified {
  outcome: Outcome;
  /** the GraphQL error codes, or the HTTP error body's code */
  codes: string[];
  /** the ids of masked errors, to find their lines in the server's log */
  errorIds: string[];
  note?: string;
}

interface Body {
  data?: unknown;
  errors?: Array<{ extensions?: { code?: unknown; errorId?: unknown } }>;
  code?: unknown;
}

/**
 * Every non-null value of `actual` equals `expected` at the same place: a partial answer (fields
 * nulled by errors) may miss parts but must not hold another request's data.
 */
export function consistentWith(actual: unknown, expected: unknown): boolean {
  if (actual === null) return true;
  if (Array.isArray(actual))
    return (
      Array.isArray(expected) &&
      actual.length === expected.length &&
      actual.every((a, i) => consistentWith(a, expected[i]))
    );
  if (typeof actual === 'object') {
    if (!expected || typeof expected !== 'object' || Array.isArray(expected)) return false;
    const e = expected as Record<string, unknown>;
    const a = actual as Record<string, unknown>;
    return (
      Object.keys(a).length === Object.keys(e).length &&
      Object.keys(a).every((key) => key in e && consistentWith(a[key], e[key]))
    );
  }
  return actual === expected;
}

/**
 * One response's outcome. With `expected`, data must equal it (a partial answer must agree with it);
 * errors count as unavailable only when every one is SERVICE_UNAVAILABLE; a masked error, a 5xx
 * other than an all-unavailable one, or a body that is not a GraphQL or HTTP error is internal.
 */
export function classify(result: HttpResult, expected?: unknown): Classified {
  if (result.kind === 'failure') return { outcome: 'connection', codes: [], errorIds: [], note: result.code };
  let body: Body;
  try {
    body = JSON.parse(result.text) as Body;
  } catch {
    return {
      outcome: result.status >= 400 && result.status < 500 ? 'clientError' : 'internal',
      codes: [],
      errorIds: [],
      note: `HTTP ${result.status}, not JSON`,
    };
  }
  if (!body || typeof body !== 'object') return { outcome: 'internal', codes: [], errorIds: [], note: 'not an object' };
  const errors = Array.isArray(body.errors) ? body.errors : [];
  const codes = errors.map((e) => (typeof e?.extensions?.code === 'string' ? e.extensions.code : 'NO_CODE'));
  const errorIds = errors.flatMap((e) => (typeof e?.extensions?.errorId === 'string' ? [e.extensions.errorId] : []));
  if (errors.length === 0 && typeof body.code === 'string') codes.push(body.code);
  const data = body.data;
  const answered = data !== undefined && data !== null;
  if (codes.length === 0) {
    if (result.status >= 400 && result.status < 500)
      return { outcome: 'clientError', codes, errorIds, note: `HTTP ${result.status} without a code` };
    if (result.status !== 200 || !answered)
      return { outcome: 'internal', codes, errorIds, note: `HTTP ${result.status} without errors or data` };
    if (expected !== undefined && !isDeepStrictEqual(data, expected))
      return { outcome: 'wrong', codes, errorIds, note: 'data differs from the recorded answer' };
    return { outcome: 'ok', codes, errorIds };
  }
  if (expected !== undefined && answered && !consistentWith(data, expected))
    return { outcome: 'wrong', codes, errorIds, note: 'partial data differs from the recorded answer' };
  if (codes.includes('INTERNAL_SERVER_ERROR') || codes.includes('NO_CODE'))
    return { outcome: 'internal', codes, errorIds, note: `HTTP ${result.status}` };
  if (codes.every((c) => c === 'SERVICE_UNAVAILABLE')) return { outcome: 'unavailable', codes, errorIds };
  if (result.status >= 500) return { outcome: 'internal', codes, errorIds, note: `HTTP ${result.status}` };
  return { outcome: 'clientError', codes, errorIds };
}

export interface Example {
  request: string;
  response: string;
  note?: string;
  /** the server's log lines naming this response's error ids */
  log: string[];
  /** the masked errors' ids; the log is read again at the end, as the server writes it asynchronously */
  errorIds: string[];
  /** a kind of request: one example per kind is kept */
  group?: string;
}

const clip = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text;

/** A request as a reproducible line: method, path, notable headers and the body, clipped. */
export function describeRequest(request: HttpRequest): string {
  const headers = Object.entries(request.headers ?? {})
    .filter(([name]) => name !== 'content-length')
    .map(([name, value]) => `-H '${name}: ${clip(value, 80)}'`)
    .join(' ');
  const body = request.body === undefined ? '' : ` --data '${clip(request.body.toString(), 700)}'`;
  return `${request.method} ${clip(request.path, 300)} ${headers}${body}`;
}

export function describeResult(result: HttpResult): string {
  return result.kind === 'failure'
    ? `${result.code} after ${result.ms} ms: ${result.message}`
    : `HTTP ${result.status} after ${result.ms} ms: ${clip(result.text, 700)}`;
}

/** Counts per outcome, with the first `keep` examples of each outcome but ok. */
export class Tally {
  readonly counts: Record<Outcome, number> = {
    ok: 0,
    clientError: 0,
    unavailable: 0,
    wrong: 0,
    internal: 0,
    connection: 0,
  };
  readonly examples: Record<Outcome, Example[]> = {
    ok: [],
    clientError: [],
    unavailable: [],
    wrong: [],
    internal: [],
    connection: [],
  };
  /** codes seen, with how often */
  readonly codes = new Map<string, number>();

  constructor(
    private readonly logLines: (errorIds: string[]) => string[] = () => [],
    readonly keep = 5,
  ) {}

  get requests(): number {
    return OUTCOMES.reduce((n, o) => n + this.counts[o], 0);
  }

  record(classified: Classified, request: HttpRequest, result: HttpResult, expected?: unknown, group?: string): void {
    this.counts[classified.outcome] += 1;
    for (const code of classified.outcome === 'connection' ? [classified.note!] : classified.codes)
      this.codes.set(code, (this.codes.get(code) ?? 0) + 1);
    const kept = this.examples[classified.outcome];
    if (classified.outcome === 'ok' || kept.length >= this.keep) return;
    if (group !== undefined && kept.some((e) => e.group === group)) return;
    const note = [
      classified.note,
      expected !== undefined && classified.outcome === 'wrong' ? `expected ${clip(JSON.stringify(expected), 700)}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    kept.push({
      request: describeRequest(request),
      response: describeResult(result),
      note: note || undefined,
      log: this.logLines(classified.errorIds),
      errorIds: classified.errorIds,
      group,
    });
  }

  /** Adds a kept example that did not come from `record` (a leak, a reset). */
  note(outcome: Outcome, example: Example): void {
    if (this.examples[outcome].length < this.keep) this.examples[outcome].push(example);
  }

  codeSummary(): string {
    return [...this.codes].map(([code, n]) => `${code} ${n}`).join(', ');
  }
}
