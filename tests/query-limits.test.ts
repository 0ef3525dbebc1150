import { startTestServer, type TestServer } from './support/server';

/** organizations { nodes { incubator { … { name } } } } with `levels` incubators: depth levels + 3. */
const deepIncubators = (levels: number) =>
  `{ organizations(first: 1) { nodes { ${'incubator { '.repeat(levels)}name${' }'.repeat(levels)} } } }`;

/** The same depth hidden in fragments, each adding one level. */
const deepFragments = (levels: number) =>
  `{ organizations(first: 1) { nodes { ...F0 } } }\n` +
  Array.from({ length: levels }, (_, i) =>
    i === levels - 1
      ? `fragment F${i} on Organization { name }`
      : `fragment F${i} on Organization { incubator { ...F${i + 1} } }`,
  ).join('\n');

const aliases = (n: number) =>
  `{ ${Array.from({ length: n }, (_, i) => `a${i}: governanceIndicators { code }`).join(' ')} }`;
const directives = (n: number) => `{ governanceIndicators { code ${'@include(if: true) '.repeat(n)} } }`;

describe('query limits, applied before any resolver runs', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ seed: false });
  });
  afterAll(() => t.close());

  async function refused(query: string, status: number, code: string, message: RegExp): Promise<void> {
    const before = t.statements();
    const response = await fetch(`${t.origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as any;
    expect({ status: response.status, code: body.errors?.[0]?.extensions?.code, data: body.data }).toEqual({
      status,
      code,
      data: undefined,
    });
    expect(body.errors[0].message).toMatch(message);
    expect(t.statements()).toBe(before);
  }

  async function accepted(query: string): Promise<void> {
    const { status, body } = await t.query(query);
    expect({ status, errors: body.errors }).toEqual({ status: 200, errors: undefined });
  }

  it('accepts a query at the depth limit and refuses one level deeper', async () => {
    await accepted(deepIncubators(12));
    await refused(deepIncubators(13), 400, 'GRAPHQL_VALIDATION_FAILED', /depth/i);
  });

  it('counts depth through fragments', async () => {
    await refused(deepFragments(14), 400, 'GRAPHQL_VALIDATION_FAILED', /depth/i);
  });

  it('refuses more than 30 aliases', async () => {
    await accepted(aliases(30));
    await refused(aliases(31), 400, 'GRAPHQL_VALIDATION_FAILED', /aliases/i);
  });

  it('refuses more than 50 directives', async () => {
    await refused(directives(51), 400, 'GRAPHQL_VALIDATION_FAILED', /directives/i);
  });

  it('refuses a huge document while parsing, with 400 and not 500', async () => {
    await refused(`{ ${'governanceIndicators { code } '.repeat(3_000)} }`, 400, 'GRAPHQL_PARSE_FAILED', /tokens/i);
  });
});
