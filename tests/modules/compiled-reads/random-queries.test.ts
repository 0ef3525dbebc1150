import {
  buildSchema,
  getNamedType,
  Kind,
  parse,
  print,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { loadTypeDefs } from '../../../src/schema';
import { sqlSchema } from '../../../src/sql-schema';
import { compareBothPaths, describeDifference, SERVER_OPTIONS, type RunSummary } from '../../fuzz/both-paths';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import type { RandomQuery } from '../../support/random-queries';
import { serveTestDatabase, type TestServer } from '../../support/server';

/** `npm run fuzz` runs the same comparison for longer; a difference it finds prints as these do. */
const SEED = 'random-queries';
const QUERIES = 300;

/** What the generator promises to exercise, each found in at least one document of the run. */
const FEATURES = [
  'a connection asked only for pageInfo',
  'a connection asked only for totalCount',
  'a connection asked for edges with cursors',
  'first',
  'last',
  'after',
  'before',
  'orderBy',
  'a filter with enum values',
  'a filter searching text',
  'a filter on dates',
  'an ID argument',
  'a named fragment',
  'a named fragment spread twice',
  'an inline fragment',
  'an alias',
  'the same field twice with different arguments',
  '@skip or @include on a literal',
  '@skip or @include on a variable',
  'a variable',
  'a variable with a default',
  '__typename',
] as const;

/** The features of FEATURES that a document shows. */
function featuresOf(schema: GraphQLSchema, query: RandomQuery): Set<string> {
  const found = new Set<string>();
  const document = parse(query.document);
  const types = new TypeInfo(schema);
  const only = (set: SelectionSetNode | undefined, name: string) =>
    set?.selections.length === 1 && set.selections[0]!.kind === Kind.FIELD && set.selections[0]!.name.value === name;
  const spreads = new Map<string, number>();
  const visitor = visitWithTypeInfo(types, {
    Field(node) {
      if (node.alias) found.add('an alias');
      if (node.name.value === '__typename') found.add('__typename');
      for (const arg of node.arguments ?? []) {
        if (['first', 'last', 'after', 'before', 'orderBy'].includes(arg.name.value)) found.add(arg.name.value);
        const value = print(arg.value);
        if (arg.name.value === 'filter' && /\[[A-Z_]+/.test(value)) found.add('a filter with enum values');
        if (arg.name.value === 'filter' && /search:/.test(value)) found.add('a filter searching text');
        if (arg.name.value === 'filter' && /(From|To|Start|End):/.test(value)) found.add('a filter on dates');
        if (/^(id|ids)$|Id$/.test(arg.name.value)) found.add('an ID argument');
      }
      if (getNamedType(types.getType())?.name.endsWith('Connection')) {
        if (only(node.selectionSet, 'pageInfo')) found.add('a connection asked only for pageInfo');
        if (only(node.selectionSet, 'totalCount')) found.add('a connection asked only for totalCount');
      }
      if (node.name.value === 'edges' && /\bcursor\b/.test(print(node)))
        found.add('a connection asked for edges with cursors');
    },
    SelectionSet(node) {
      const signatures = new Map<string, string>();
      for (const s of node.selections) {
        if (s.kind !== Kind.FIELD || !s.arguments?.length) continue;
        const args = s.arguments.map(print).join();
        const earlier = signatures.get(s.name.value);
        if (earlier !== undefined && earlier !== args) found.add('the same field twice with different arguments');
        signatures.set(s.name.value, args);
      }
    },
    FragmentSpread(node) {
      found.add('a named fragment');
      spreads.set(node.name.value, (spreads.get(node.name.value) ?? 0) + 1);
      if (spreads.get(node.name.value)! > 1) found.add('a named fragment spread twice');
    },
    InlineFragment() {
      found.add('an inline fragment');
    },
    Directive(node) {
      const condition = node.arguments?.[0]?.value.kind;
      if (condition === Kind.BOOLEAN) found.add('@skip or @include on a literal');
      if (condition === Kind.VARIABLE) found.add('@skip or @include on a variable');
    },
    VariableDefinition(node) {
      found.add(node.defaultValue ? 'a variable with a default' : 'a variable');
    },
  });
  visit(document, visitor);
  return found;
}

describe('random queries answered on both paths', () => {
  let db: TestDatabase;
  let compiled: TestServer;
  let resolved: TestServer;
  let summary: RunSummary;
  const schema = buildSchema(loadTypeDefs());
  const features = new Set<string>();

  beforeAll(async () => {
    db = await createTestDatabase();
    compiled = await serveTestDatabase(db, { ...SERVER_OPTIONS, compiledReads: true });
    resolved = await serveTestDatabase(db, { ...SERVER_OPTIONS, compiledReads: false });
    summary = await compareBothPaths({
      schema,
      sqlSchema,
      seed: SEED,
      count: QUERIES,
      compiled,
      resolved,
      onQuery: (query) => featuresOf(schema, query).forEach((f) => features.add(f)),
    });
  }, 120_000);
  afterAll(async () => {
    await compiled?.close();
    await resolved?.close();
    await db?.drop();
  });

  it(`${QUERIES} random queries answer the same with compiled reads as with resolvers alone`, () => {
    expect(summary.mismatches.map(describeDifference)).toEqual([]);
  });

  it('no random query fails with an internal error on either path', () => {
    expect(summary.internalErrors.map(describeDifference)).toEqual([]);
  });

  it('most random queries run as one statement, and none breaks a query limit', () => {
    expect(summary.oneStatement).toBeGreaterThan(QUERIES * 0.6);
    expect(summary.errorCodes['GRAPHQL_VALIDATION_FAILED']).toBeUndefined();
    expect(summary.errorCodes['QUERY_TOO_COMPLEX'] ?? 0).toBeLessThan(QUERIES * 0.02);
    // most arguments are good ones: a query refused whole compares less than one answered
    expect(summary.errorCodes['BAD_USER_INPUT'] ?? 0).toBeLessThan(QUERIES * 0.15);
  });

  it('the random queries use every feature the generator promises', () => {
    expect(FEATURES.filter((f) => !features.has(f))).toEqual([]);
  });
});
