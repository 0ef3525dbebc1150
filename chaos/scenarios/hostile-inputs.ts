/**
 * Requests built to break things: NUL bytes and SQL in every string argument, impossible dates and
 * cursors, overflowing numbers, IDs of the wrong type, protocol abuse. None may be answered with a
 * 5xx or INTERNAL_SERVER_ERROR, none may leak SQL, stacks, paths or another request's data, and
 * every refusal must carry a code. Answers with data (a search for `' or 1=1 --` finds nothing) are fine.
 */
import { randomUUID } from 'node:crypto';
import { globalId } from '../fixtures';
import { graphqlPost, type HttpRequest } from '../http';
import { runLoad } from '../load';
import { describeRequest, describeResult } from '../outcomes';
import { ask, begin, finish, pick, type Scenario, type ScenarioContext } from '../scenario';

interface Hostile {
  kind: string;
  request: HttpRequest;
  /** strings the request carries that its answer may quote back */
  echoes: string[];
}

/** Strings that every string argument gets; `mark` ties an answer to its request. */
function nastyStrings(mark: string): string[] {
  return [
    `\u0000`,
    `a\u0000b${mark}`,
    `${mark}' or 1=1 --`,
    `${mark}'); drop table donations; --`,
    `" or ""="`,
    `1; select pg_sleep(5)`,
    `' union select secret_hash, null from api_keys --`,
    `%_\\%`,
    `\\x00\\`,
    `$1`,
    `🙂`.repeat(200),
    `\ud800`,
    `0000-01-01`,
    `../../../../etc/passwd`,
    `x`.repeat(5_000),
    ``,
    ` `,
    `null`,
  ];
}

const DATES = [
  '0000-01-01',
  '2020-02-30',
  '2020-13-01',
  '9999-12-31',
  '-0001-01-01',
  '20200101',
  '2020-1-1',
  '+275760-09-13',
  '2020-01-01T25:00:00Z',
  '1e9',
];
const DECIMALS = [
  '1e400',
  'NaN',
  'Infinity',
  '-0',
  '99999999999999999999999999999999.999',
  ' 1',
  '0x10',
  '1,000',
  '1.005',
];

/** Cursors that decode to a well-formed [key, uuid] this API never issued. */
function impossibleCursors(uuid: string): string[] {
  const keys: unknown[] = [
    '2020-02-30',
    '0000-01-01',
    '2020-01-01 25:00:00',
    '2020-01-01T25:00:00.000Z',
    '99999999999999999999999',
    '-99999999999999999999999',
    'NaN',
    'infinity',
    '1e400',
    '\u0000',
    'x'.repeat(3_000),
    '',
    null,
  ];
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return [
    ...keys.map((key) => encode([key, uuid])),
    encode([null, '00000000-0000-0000-0000-000000000000']),
    encode(['2020-01-01', uuid.toUpperCase()]),
    encode(['2020-01-01']),
    encode({ key: '2020-01-01', id: uuid }),
    'not a cursor',
    '%%%',
  ];
}

/** [list field, its order fields] for every root list with a cursor. */
const LISTS: Array<[string, string[], string]> = [
  ['donations', ['PLEDGED_ON', 'TOTAL', 'CREATED_AT'], 'id'],
  ['organizations', ['NAME', 'FOUNDED_ON', 'CREATED_AT'], 'id'],
  ['projects', ['NAME', 'STARTS_ON', 'CREATED_AT'], 'id'],
  ['trainingSessions', ['STARTS_ON', 'PARTICIPANT_COUNT', 'CREATED_AT'], 'id'],
  ['governanceMetrics', ['PERIOD_END', 'CREATED_AT'], 'id'],
];

/** Documents with one String-like variable $s, and the variable's type. */
const STRING_ARGUMENTS: Array<[string, string]> = [
  ['String', '{ organizations(filter: {search: $s}, first: 3) { nodes { id name } } }'],
  ['String', '{ organizations(filter: {industry: $s}, first: 3) { nodes { id } } }'],
  ['String', '{ organizations(filter: {regionCode: $s}, first: 3) { nodes { id } } }'],
  ['String', '{ projects(filter: {search: $s}, first: 3) { nodes { id name } } }'],
  ['String', '{ projects(filter: {regionCode: $s}, first: 3) { totalCount } }'],
  ['String', '{ organization(creditCode: $s) { id name } }'],
  ['String', '{ donations(filter: {donorIndustries: [$s]}, first: 3) { nodes { id } } }'],
  ['String', '{ donationSummary(filter: {donorIndustries: [$s]}) { donationCount } }'],
  ['String', '{ donationStats(groupBy: DONOR, filter: {donorIndustries: [$s]}) { key } }'],
  ['String', '{ governanceMetrics(filter: {indicatorCodes: [$s]}, first: 3) { nodes { id } } }'],
  ['String', '{ governanceMetrics(filter: {regionCode: $s}, first: 3) { nodes { id } } }'],
  ['String', '{ trainingSessions(filter: {regionCode: $s}, first: 3) { nodes { id } } }'],
  ['String', '{ trainingProgress(filter: {regionCode: $s}) { sessionCount } }'],
  ['ID!', '{ node(id: $s) { id } }'],
  ['ID!', '{ nodes(ids: [$s]) { id } }'],
  ['ID', '{ organization(id: $s) { id } }'],
  ['ID!', '{ donation(id: $s) { id } }'],
  ['ID!', '{ project(id: $s) { id } }'],
  ['ID!', '{ trainingSession(id: $s) { id } }'],
  ['ID', '{ donations(filter: {donorId: $s}, first: 2) { nodes { id } } }'],
  ['ID', '{ donations(filter: {projectId: $s}, first: 2) { nodes { id } } }'],
  ['ID', '{ projects(filter: {organizationId: $s}, first: 2) { nodes { id } } }'],
  ['ID', '{ trainingSessions(filter: {organizerId: $s}, first: 2) { nodes { id } } }'],
  ['ID', '{ governanceMetrics(filter: {organizationId: $s}, first: 2) { nodes { id } } }'],
  ['String', '{ donations(first: 2, after: $s) { nodes { id } } }'],
  ['String', '{ organizations(last: 2, before: $s) { nodes { id } } }'],
  ['Date', '{ donations(filter: {dateFrom: $s}, first: 2) { nodes { id } } }'],
  ['Date', '{ donationSummary(filter: {dateTo: $s}) { donationCount } }'],
  ['Date', '{ projects(filter: {startsFrom: $s}, first: 2) { nodes { id } } }'],
  ['Date', '{ governanceMetrics(filter: {periodFrom: $s}, first: 2) { nodes { id } } }'],
  ['Date', '{ trainingSessions(filter: {dateTo: $s}, first: 2) { nodes { id } } }'],
  ['Decimal', '{ donations(filter: {minTotal: $s}, first: 2) { nodes { id } } }'],
  ['Decimal', '{ donationStats(groupBy: YEAR, filter: {minTotal: $s}) { key } }'],
];

const post = (body: unknown, headers: Record<string, string> = {}) => graphqlPost(body, headers);
const raw = (body: string, contentType?: string): HttpRequest => ({
  method: 'POST',
  path: '/graphql',
  headers: contentType ? { 'content-type': contentType } : {},
  body,
});

/** Every hostile request, numbered so that request i is the same on every run with the same fixtures. */
function hostileRequests(ctx: ScenarioContext): Array<(i: number) => Hostile> {
  const uuid = ctx.fixtures.someUuid;
  const orgUuid = ctx.fixtures.organizationIds[0]!;
  const list: Array<(i: number) => Hostile> = [];
  const mark = (i: number) => `zq${i}q`;
  // every string argument, as a variable and as a literal, with every nasty string
  for (const [type, document] of STRING_ARGUMENTS) {
    list.push((i) => {
      const s = pick(nastyStrings(mark(i)));
      return {
        kind: `string variable ${type}`,
        request: post({ query: `query($s: ${type}) ${document}`, variables: { s } }),
        echoes: [s],
      };
    });
    list.push((i) => {
      const s = pick(nastyStrings(mark(i)));
      return {
        kind: `string literal`,
        request: post({ query: document.replace('$s', JSON.stringify(s)) }),
        echoes: [s],
      };
    });
  }
  // dates and decimals that are not
  for (const [type, document] of STRING_ARGUMENTS.filter(([t]) => t === 'Date' || t === 'Decimal'))
    list.push(() => {
      const s = pick(type === 'Date' ? DATES : DECIMALS);
      return {
        kind: `bad ${type}`,
        request: post({ query: `query($s: ${type}) ${document}`, variables: { s } }),
        echoes: [s],
      };
    });
  // impossible cursors on every list and order
  for (const [field, orders] of LISTS)
    list.push(() => {
      const cursor = pick(impossibleCursors(uuid));
      const order = pick(orders);
      const [page, at] = pick([
        ['first', 'after'],
        ['last', 'before'],
      ]);
      const query = `query($c: String) { ${field}(${page}: 3, ${at}: $c, orderBy: {field: ${order}, direction: ${pick(['ASC', 'DESC'])}}) { nodes { id } pageInfo { endCursor } } }`;
      return {
        kind: `impossible cursor on ${field} by ${order}`,
        request: post({ query, variables: { c: cursor } }),
        echoes: [cursor],
      };
    });
  // nested lists' cursors too
  list.push(() => {
    const cursor = pick(impossibleCursors(uuid));
    const query = `query($id: ID!, $c: String) { organization(id: $id) { projects(first: 2, after: $c, orderBy: {field: STARTS_ON}) { nodes { id } } donationsGiven(first: 2, after: $c) { nodes { id } } } }`;
    return {
      kind: 'impossible nested cursor',
      request: post({ query, variables: { id: globalId('Organization', orgUuid), c: cursor } }),
      echoes: [cursor],
    };
  });
  // numbers out of range
  for (const first of ['2147483648', '-1', '0', '99999999999999999999', '1.5', '"5"', '-2147483649'])
    list.push(() => ({
      kind: `first: ${first}`,
      request: post({ query: `{ donations(first: ${first}) { nodes { id } } }` }),
      echoes: [first],
    }));
  for (const value of [1e300, -1, 2 ** 31, 2 ** 53 + 1, 3.5, '7', null, true, [1], { n: 1 }])
    list.push(() => ({
      kind: `$first = ${JSON.stringify(value)}`,
      request: post({ query: 'query($n: Int) { projects(first: $n) { nodes { id } } }', variables: { n: value } }),
      echoes: [],
    }));
  list.push(() => ({
    kind: 'donationStats first huge',
    request: post({ query: '{ donationStats(groupBy: DONOR, first: 2147483647) { key } }' }),
    echoes: [],
  }));
  list.push(() => ({
    kind: 'last huge',
    request: post({ query: '{ organizations(last: 2147483647) { nodes { id } } }' }),
    echoes: [],
  }));
  // global IDs of the wrong type, or not ours
  const wrongIds = [
    globalId('Donation', orgUuid),
    globalId('ApiKey', uuid),
    globalId('Organization', 'not-a-uuid'),
    globalId('Organization', `${orgUuid}\u0000`),
    globalId('Nope', uuid),
    globalId('Organization', '00000000-0000-0000-0000-000000000000'),
    globalId('Organization', orgUuid.toUpperCase()),
    Buffer.from(`Organization:${orgUuid}`).toString('base64'),
    orgUuid,
    'Organization:' + orgUuid,
    '='.repeat(50),
  ];
  for (const document of [
    '{ organization(id: $s) { id } }',
    '{ project(id: $s) { id } }',
    '{ node(id: $s) { id } }',
    '{ donations(filter: {donorId: $s}, first: 1) { nodes { id } } }',
  ])
    list.push(() => {
      const s = pick(wrongIds);
      return {
        kind: 'wrong-type global ID',
        request: post({ query: `query($s: ID!) ${document}`, variables: { s } }),
        echoes: [s],
      };
    });
  // the protocol
  list.push((i) => ({
    kind: 'unknown operationName',
    request: post({ query: 'query A { __typename } query B { __typename }', operationName: `C${mark(i)}` }),
    echoes: [`C${mark(i)}`],
  }));
  list.push(() => ({
    kind: 'two operations, no name',
    request: post({ query: 'query A { __typename } query B { __typename }' }),
    echoes: [],
  }));
  list.push(() => ({
    kind: 'APQ hash mismatch',
    request: post({
      query: '{ __typename }',
      extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } },
    }),
    echoes: [],
  }));
  list.push(() => ({
    kind: 'APQ unknown hash',
    request: post({
      extensions: { persistedQuery: { version: 1, sha256Hash: randomUUID().replace(/-/g, '').repeat(2) } },
    }),
    echoes: [],
  }));
  list.push(() => ({
    kind: 'APQ version 2',
    request: post({ query: '{ __typename }', extensions: { persistedQuery: { version: 2, sha256Hash: 'x' } } }),
    echoes: [],
  }));
  list.push(() => ({
    kind: 'subscription',
    request: post({ query: 'subscription { donations { nodes { id } } }' }),
    echoes: [],
  }));
  list.push(() => ({
    kind: 'subscription __typename',
    request: post({ query: 'subscription { __typename }' }),
    echoes: [],
  }));
  list.push(() => ({
    kind: 'deep document',
    request: post({ query: `{ organization(id: "x") { ${'incubator { '.repeat(60)}id${' }'.repeat(60)} } }` }),
    echoes: [],
  }));
  list.push(() => ({
    kind: 'wide document',
    request: post({ query: `{ ${'__typename '.repeat(5_000)} }` }),
    echoes: [],
  }));
  list.push(() => ({
    kind: 'many aliases',
    request: post({ query: `{ ${Array.from({ length: 500 }, (_, n) => `a${n}: __typename`).join(' ')} }` }),
    echoes: [],
  }));
  list.push(() => ({
    kind: 'many directives',
    request: post({ query: `{ __typename ${'@skip(if: false) '.repeat(300)} }` }),
    echoes: [],
  }));
  list.push(() => ({
    kind: 'fragment cycle',
    request: post({ query: 'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }' }),
    echoes: [],
  }));
  list.push(() => ({
    kind: 'huge page product',
    request: post({
      query:
        '{ organizations(first: 100) { nodes { projects(first: 100) { nodes { donations(first: 100) { nodes { id } } } } } } }',
    }),
    echoes: [],
  }));
  list.push(() => ({
    kind: 'mutation without a key',
    request: post({ query: 'mutation { createApiKey(input: {name: "a\\u0000", tier: INTERNAL}) { __typename } }' }),
    echoes: [],
  }));
  list.push(() => ({
    kind: 'unknown field',
    request: post({ query: '{ organizations { secretHash } }' }),
    echoes: [],
  }));
  list.push(() => ({ kind: 'syntax error', request: post({ query: '{ organizations(first: ) {' }), echoes: [] }));
  // bodies and content types
  for (const body of [
    '{"query":',
    'null',
    '[]',
    '"{ __typename }"',
    '123',
    '[{"query":"{ __typename }"}]',
    '{"query": 5}',
    '{"query": "{ __typename }", "variables": "x"}',
    '{"query": "{ __typename }", "variables": [1]}',
    '{"query": "{ __typename }", "extensions": 5}',
    '{"query": "{ __typename }", "operationName": 7}',
    '{"query": null}',
    '{}',
    '{"query":"{ __typename }"}garbage',
    '\u0000',
  ])
    list.push(() => ({ kind: `body ${body.slice(0, 20)}`, request: raw(body, 'application/json'), echoes: [body] }));
  for (const contentType of [
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/graphql',
    'application/json; charset=latin1',
    'application/xml',
    undefined,
  ])
    list.push(() => ({
      kind: `content type ${contentType}`,
      request: raw('{"query":"{ __typename }"}', contentType),
      echoes: [],
    }));
  list.push(() => ({
    kind: 'body over the limit',
    request: raw(
      JSON.stringify({ query: `{ __typename }`, variables: { x: 'y'.repeat(200_000) } }),
      'application/json',
    ),
    echoes: [],
  }));
  list.push(() => ({
    kind: 'GET without preflight',
    request: { method: 'GET', path: `/graphql?query=${encodeURIComponent('{ __typename }')}` },
    echoes: [],
  }));
  list.push(() => ({
    kind: 'GET mutation',
    request: {
      method: 'GET',
      path: `/graphql?query=${encodeURIComponent('mutation { revokeApiKey(input: {id: "x"}) { __typename } }')}`,
      headers: { 'apollo-require-preflight': 'true' },
    },
    echoes: [],
  }));
  list.push(() => ({
    kind: 'GET bad variables',
    request: {
      method: 'GET',
      path: `/graphql?query=${encodeURIComponent('query($n: Int) { projects(first: $n) { totalCount } }')}&variables=%7Bnope`,
      headers: { 'apollo-require-preflight': 'true' },
    },
    echoes: [],
  }));
  list.push(() => ({
    kind: 'GET NUL query',
    request: {
      method: 'GET',
      path: `/graphql?query=%00%7B__typename%7D`,
      headers: { 'apollo-require-preflight': 'true' },
    },
    echoes: [],
  }));
  for (const authorization of [
    'Bearer ' + 'x'.repeat(5_000),
    'Bearer ',
    'Basic Zm9vOmJhcg==',
    'Bearer gyk_' + '0'.repeat(40),
    'Bearer ' + "' or 1=1 --",
  ])
    list.push(() => ({
      kind: 'bad Authorization',
      request: post({ query: '{ __typename }' }, { authorization }),
      echoes: [authorization],
    }));
  return list;
}

/** What an answer must never show: SQL, a stack, a file path, the database's name, a table. */
const LEAKS: Array<[string, RegExp]> = [
  ['SQL', /\b(select|insert|update|delete)\b[^"\n]{0,200}\b(from|into|set|where)\b/i],
  [
    'SQL error',
    /syntax error at or near|relation "|column "|violates|invalid input syntax|out of range for type|date\/time field value|invalid byte sequence/i,
  ],
  ['stack trace', /\n\s+at |\bat [\w.<>$]+ \(|\.(ts|js|cjs|mjs):\d+:\d+/],
  ['file path', /\/(work|home|root|usr|app|tmp)\/|node_modules|\bdist\/|\bsrc\//],
  ['postgres', /postgres/i],
  [
    'table',
    /\b(donations|organizations|projects|training_sessions|governance_metrics|governance_indicators|api_keys|project_reports|disbursements|regions|sources)\.(id|[a-z]+_[a-z_]+)\b/,
  ],
];

/** The first leak in `text` once the request's own strings (which a message may quote) are cut out. */
function leakIn(text: string, hostile: Hostile, i: number): string | null {
  let rest = text;
  for (const echo of hostile.echoes.filter((e) => e.length > 0)) {
    const quoted = JSON.stringify(echo).slice(1, -1);
    for (const form of [echo, quoted, JSON.stringify(quoted).slice(1, -1)]) rest = rest.split(form).join('');
  }
  for (const [name, pattern] of LEAKS) {
    const match = pattern.exec(rest);
    if (match) return `${name}: …${rest.slice(Math.max(0, match.index - 60), match.index + 80)}…`;
  }
  const other = /zq(\d+)q/.exec(rest);
  if (other && Number(other[1]) !== i) return `another request's data (mark ${other[0]})`;
  return null;
}

export const hostileInputs: Scenario = {
  name: 'hostile-inputs',
  run: async (ctx) => {
    const server = await ctx.startServer();
    const result = await begin('hostile-inputs', ctx, server, 10);
    const makers = hostileRequests(ctx);
    const requests = ctx.short ? 1_000 : 10_000;
    const leaks: string[] = [];
    const withoutCode: string[] = [];
    const kindsFailing = new Map<string, number>();
    await runLoad(
      { workers: 8, requests, seconds: ctx.short ? 30 : 300, stop: () => server.exit !== null },
      async (i) => {
        const hostile = makers[i % makers.length]!(i);
        const { classified, result: reply } = await ask(
          server,
          result.tally,
          hostile.request,
          undefined,
          20_000,
          hostile.kind,
        );
        if (classified.outcome === 'internal' || classified.outcome === 'connection')
          kindsFailing.set(hostile.kind, (kindsFailing.get(hostile.kind) ?? 0) + 1);
        if (reply.kind !== 'reply') return;
        const leak = leakIn(reply.text, hostile, i);
        if (leak && leaks.length < 1_000)
          leaks.push(`${leak}\n  request: ${describeRequest(hostile.request)}\n  got ${describeResult(reply)}`);
        if (classified.outcome === 'clientError' && classified.codes.length === 0 && withoutCode.length < 1_000)
          withoutCode.push(`${hostile.kind}: ${describeRequest(hostile.request)}\n  got ${describeResult(reply)}`);
      },
    );
    result.details.push(
      `${makers.length} kinds of hostile request; codes: ${result.tally.codeSummary()}; ` +
        `leaks ${leaks.length}; refusals without a code ${withoutCode.length}` +
        (kindsFailing.size ? `; failing kinds: ${[...kindsFailing].map(([k, n]) => `${k} (${n})`).join(', ')}` : ''),
    );
    if (leaks.length) {
      result.missed.push(`${leaks.length} answers leak internals`);
      result.evidence.push(...leaks.slice(0, 5).map((l) => `leak: ${l}`));
    }
    if (withoutCode.length) {
      result.missed.push(`${withoutCode.length} refusals without a code`);
      result.evidence.push(...withoutCode.slice(0, 3).map((l) => `no code: ${l}`));
    }
    return finish(result, ctx, server, { clientErrorsAllowed: true });
  },
};
