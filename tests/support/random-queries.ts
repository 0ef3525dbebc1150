import {
  getNamedType,
  getNullableType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  parse,
  validate,
  type GraphQLArgument,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { Random } from '../../src/db/seed/random';
import { NODE_TYPES } from '../../src/modules/node/global-id';

/**
 * Random valid queries from the SDL, for running on both execution paths and comparing answers.
 * Pure: a schema, a seed and the values known so far give the same documents every time. Values
 * a query needs from the data (global IDs, cursors, region codes, names to search for) come from
 * `KnownValues`, which learns them from earlier answers.
 */

/** A generated operation, and where its answer holds cursors of which list. */
export interface RandomQuery {
  document: string;
  variables: Record<string, unknown>;
  /** response paths (array items flattened) of cursor fields, with the list and order they page */
  cursorSites: ReadonlyArray<{ path: readonly string[]; list: string }>;
}

export interface RandomQueryOptions {
  /** how often a field is chosen, relative to 1; 0 never (`Query.rateLimit`, whose answer is per server) */
  weight?: (type: string, field: string) => number;
  /** nodes an operation could return, page sizes multiplied down the tree: the server's limit */
  maxNodes?: number;
  /** field nesting, fragments flattened */
  maxDepth?: number;
  /** aliases in the operation, every fragment spread counted */
  maxAliases?: number;
}

/** Under the server's limits (50,000 nodes, depth 15, 30 aliases, 50 directives), with room to spare. */
const DEFAULTS: Required<Omit<RandomQueryOptions, 'weight'>> = { maxNodes: 45_000, maxDepth: 12, maxAliases: 24 };
const MAX_DIRECTIVES = 40;
/** fields in one document, to stay far below the token limit */
const MAX_FIELDS = 160;
const DEFAULT_PAGE_SIZE = 20;
const PAGING = new Set(['first', 'last', 'after', 'before']);
const CURSOR_FIELDS = new Set(['cursor', 'startCursor', 'endCursor']);
const NO_ARGUMENTS = { text: '', pageSize: 1, order: '' };

/** Sample values from the data, learned from answers; each kind keeps its latest few hundred. */
export class KnownValues {
  private readonly kinds = new Map<string, string[]>();
  private readonly seen = new Map<string, number>();

  constructor(initial: Readonly<Record<string, readonly string[]>> = {}) {
    for (const [kind, values] of Object.entries(initial)) for (const v of values) this.add(kind, v);
  }

  /** The values of a kind: `id:Type`, `cursor:<list>`, `region`, `creditCode`, `search`, `indicator`. */
  of(kind: string): readonly string[] {
    return this.kinds.get(kind) ?? [];
  }

  add(kind: string, value: string): void {
    const values = this.kinds.get(kind) ?? [];
    this.kinds.set(kind, values);
    if (values.includes(value)) return;
    const n = this.seen.get(kind) ?? 0;
    this.seen.set(kind, n + 1);
    if (values.length < 300) values.push(value);
    else values[n % 300] = value;
  }

  /** Learns from an answer: IDs, codes and names anywhere, cursors where the query said they are. */
  learn(data: unknown, cursorSites: RandomQuery['cursorSites'] = []): void {
    walkStrings(data, (text) => {
      const id = globalIdType(text);
      if (id) return this.add(`id:${id}`, text);
      if (/^\d{6}$/.test(text)) return this.add('region', text);
      if (/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(text)) return this.add('creditCode', text);
      if (/^[a-z]+(_[a-z0-9]+)+$/.test(text)) return this.add('indicator', text);
      // names: a piece from the start and one from the middle, so searches match some rows and not others
      if (/[\u4e00-\u9fff]/.test(text) && text.length >= 4) {
        this.add('search', text.slice(0, 2));
        this.add('search', text.slice(Math.floor(text.length / 2), Math.floor(text.length / 2) + 3));
      }
    });
    for (const site of cursorSites) {
      for (const cursor of valuesAt(data, site.path)) {
        if (typeof cursor !== 'string') continue;
        this.add(site.list, cursor);
        this.add('cursor:any', cursor);
      }
    }
  }
}

/**
 * The `index`th query of the run seeded `seed`: a valid document, retried with the next state of
 * the generator in the rare case that the one drawn breaks a validation rule (fields that cannot merge).
 */
export function randomQuery(
  schema: GraphQLSchema,
  seed: string,
  index: number,
  known: KnownValues,
  options: RandomQueryOptions = {},
): RandomQuery {
  const random = new Random(`${seed}:${index}`);
  for (let attempt = 0; ; attempt += 1) {
    const query = new QueryWriter(schema, random, known, { ...DEFAULTS, ...options }).write(`Q${index}`);
    const errors = validate(schema, parse(query.document));
    if (errors.length === 0) return query;
    if (attempt === 20) throw new Error(`no valid query drawn: ${errors[0]!.message}\n${query.document}`);
  }
}

/** Response keys already used in one selection set, and what each stands for. */
type Scope = Map<string, { signature: string; child: Scope; args: Arguments }>;

/** A field's arguments as written, the page size the nodes below stand for, and the order of its cursors. */
interface Arguments {
  text: string;
  pageSize: number;
  order: string;
}

interface Fragment {
  name: string;
  on: string;
  /** nodes it adds per node of its parent, its depth, and the aliases and directives in it */
  nodes: number;
  depth: number;
  aliases: number;
  directives: number;
}

class QueryWriter {
  private readonly variableDefinitions: string[] = [];
  private readonly variables: Record<string, unknown> = {};
  private readonly fragments: string[] = [];
  private readonly named: Fragment[] = [];
  private readonly cursorSites: Array<{ path: readonly string[]; list: string }> = [];
  private nodes = 0;
  private aliases = 0;
  private directives = 0;
  private fields = 0;
  private fragmentCount = 0;
  /** the deepest field depth written so far */
  private reached = 1;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly random: Random,
    private readonly known: KnownValues,
    private readonly options: Required<Omit<RandomQueryOptions, 'weight'>> & RandomQueryOptions,
  ) {}

  write(name: string): RandomQuery {
    const body = this.selections(this.schema.getQueryType()!, 1, 1, [], new Map(), null);
    const variables = this.variableDefinitions.length > 0 ? `(${this.variableDefinitions.join(', ')})` : '';
    const document = [`query ${name}${variables} {\n${body}\n}`, ...this.fragments].join('\n');
    return { document, variables: this.variables, cursorSites: this.cursorSites };
  }

  /**
   * Some fields of `type` for a selection set at `depth` whose every node stands for `multiplier`
   * nodes of the answer; `list` is the list and order of the connection this set is part of.
   */
  private selections(
    type: GraphQLCompositeType,
    depth: number,
    multiplier: number,
    path: readonly string[],
    scope: Scope,
    list: string | null,
  ): string {
    const r = this.random;
    if (isAbstractType(type)) {
      // an interface: its own fields, and each implementation's through inline fragments
      const parts = r.chance(0.5) ? ['id'] : ['__typename'];
      for (const possible of r.sample(this.schema.getPossibleTypes(type), r.int(1, 2))) {
        const inner = this.selections(possible, depth, multiplier, path, scope, list);
        parts.push(`... on ${possible.name} {\n${inner}\n}`);
      }
      return parts.join('\n');
    }
    const reuse = this.named.filter(
      (f) =>
        f.on === type.name &&
        depth + f.depth <= this.options.maxDepth &&
        this.nodes + f.nodes * multiplier <= this.options.maxNodes &&
        this.aliases + f.aliases <= this.options.maxAliases &&
        this.directives + f.directives <= MAX_DIRECTIVES,
    );
    if (reuse.length > 0 && r.chance(0.08)) {
      const fragment = r.pick(reuse);
      this.nodes += fragment.nodes * multiplier;
      this.aliases += fragment.aliases;
      this.directives += fragment.directives;
      return `...${fragment.name}`;
    }
    if (r.chance(0.1)) return this.namedFragment(type, depth, multiplier, path, scope, list);

    const parts: string[] = [];
    const count = r.int(1, depth === 1 ? 3 : 4);
    for (let i = 0; i < count && this.fields < MAX_FIELDS; i += 1) {
      const part = this.field(type, depth, multiplier, path, scope, list);
      if (part) parts.push(part);
    }
    if (parts.length === 0) parts.push('__typename');
    if (parts.length > 1 && r.chance(0.15)) {
      // part of the set inside an inline fragment, with or without a type condition and a directive
      const from = r.int(0, parts.length - 1);
      const condition = r.chance(0.6) ? ` on ${type.name}` : '';
      const inner = parts.splice(from, r.int(1, parts.length - from));
      parts.push(`...${condition}${this.directive()} {\n${inner.join('\n')}\n}`);
    }
    return parts.join('\n');
  }

  /** The selections in a fragment of their own, spread here and perhaps elsewhere later. */
  private namedFragment(
    type: GraphQLObjectType,
    depth: number,
    multiplier: number,
    path: readonly string[],
    scope: Scope,
    list: string | null,
  ): string {
    const before = { nodes: this.nodes, aliases: this.aliases, directives: this.directives, reached: this.reached };
    this.reached = depth;
    const name = `F${(this.fragmentCount += 1)}_${type.name}`;
    const body = this.selections(type, depth, multiplier, path, scope, list);
    this.fragments.push(`fragment ${name} on ${type.name} {\n${body}\n}`);
    this.named.push({
      name,
      on: type.name,
      nodes: (this.nodes - before.nodes) / multiplier,
      depth: this.reached - depth,
      aliases: this.aliases - before.aliases,
      directives: this.directives - before.directives,
    });
    this.reached = Math.max(before.reached, this.reached);
    return `...${name}`;
  }

  /** One field of `type`, perhaps aliased, with arguments and a directive; null when none fits. */
  private field(
    type: GraphQLObjectType,
    depth: number,
    multiplier: number,
    path: readonly string[],
    scope: Scope,
    list: string | null,
  ): string | null {
    const r = this.random;
    if (r.chance(0.06)) return this.keyed(scope, '__typename', '__typename', NO_ARGUMENTS, () => '');
    const weight = this.options.weight ?? (() => 1);
    const weights: Record<string, number> = {};
    for (const f of Object.values(type.getFields())) {
      const leaf = isLeafType(getNamedType(f.type));
      // deeper down, fewer objects: the tree stays within its limits and its page sizes small
      if (leaf || depth < this.options.maxDepth) weights[f.name] = weight(type.name, f.name) * (leaf ? 1 : 1.6 / depth);
    }
    if (!Object.values(weights).some((w) => w > 0)) return null;
    const field = type.getFields()[r.weighted(weights)]!;
    const named = getNamedType(field.type);
    const connection = isObjectType(named) && named.name.endsWith('Connection');
    const signature = (args: string) => `${String(field.type)} ${field.name}${args}`;

    if (isLeafType(named)) {
      const args = this.arguments(field, depth, multiplier, false);
      const key = args && this.keyed(scope, field.name, signature(args.text), args, () => '');
      if (key && list && CURSOR_FIELDS.has(field.name))
        this.cursorSites.push({ path: [...path, responseKeyOf(key)], list });
      return key;
    }
    // the list and order whose cursors the set below holds: a connection's, down to its edges and page info
    const listBelow = (order: string) =>
      connection
        ? `cursor:${named.name}|${order}`
        : type.name.endsWith('Connection') && field.name !== 'nodes'
          ? list
          : null;
    const asked = (args: Arguments) =>
      this.keyed(scope, field.name, signature(args.text), args, (key, child) => {
        this.reached = Math.max(this.reached, depth + 1);
        const below = field.name === 'node' ? null : listBelow(args.order);
        return this.selections(
          named as GraphQLCompositeType,
          depth + 1,
          multiplier * args.pageSize,
          [...path, key],
          child,
          below,
        );
      });
    // now and then the very field already asked here, which merges with it
    const held = [...scope.values()].find((e) => e.signature === signature(e.args.text));
    const args =
      held && r.chance(0.4)
        ? this.again(held.args, multiplier, connection)
        : this.arguments(field, depth, multiplier, connection);
    const first = args && asked(args);
    if (!first || !args || args.text === '' || !r.chance(0.12)) return first;
    // the same field again with other arguments, under an alias
    const again = this.arguments(field, depth, multiplier, connection);
    const second = again && asked(again);
    return second ? `${first}\n${second}` : first;
  }

  /**
   * `name(args) { … }` under a response key that merges with what the scope already holds: the
   * field's name when free or standing for the same field and arguments, else a fresh alias.
   */
  private keyed(
    scope: Scope,
    name: string,
    signature: string,
    args: Arguments,
    inner: (key: string, child: Scope) => string,
  ): string | null {
    const r = this.random;
    let key = name;
    const held = scope.get(name);
    const wantsAlias = r.chance(0.12) || (held !== undefined && held.signature !== signature);
    if (wantsAlias) {
      if (this.aliases >= this.options.maxAliases) return null;
      this.aliases += 1;
      key = `${name}_${r.int(0, 9)}`;
      const other = scope.get(key);
      if (other && other.signature !== signature) return null;
    }
    const entry = scope.get(key) ?? { signature, child: new Map(), args };
    scope.set(key, entry);
    this.fields += 1;
    const selection = inner(key, entry.child);
    const head = key === name ? name : `${key}: ${name}`;
    return `${head}${args.text}${this.directive()}${selection ? ` {\n${selection}\n}` : ''}`;
  }

  /** The arguments of a field asked again, counted again as the server counts them; null when they no longer fit. */
  private again(args: Arguments, multiplier: number, connection: boolean): Arguments | null {
    const nodes = connection ? args.pageSize * multiplier : 0;
    if (this.nodes + nodes > this.options.maxNodes) return null;
    this.nodes += nodes;
    return args;
  }

  /** Now and then `@skip` or `@include`, on a literal or a variable. */
  private directive(): string {
    const r = this.random;
    if (this.directives >= MAX_DIRECTIVES || !r.chance(0.1)) return '';
    this.directives += 1;
    const value = r.chance(0.5);
    const condition = r.chance(0.5) ? String(value) : this.variable('Boolean!', value, String(value));
    return ` @${r.pick(['skip', 'include'])}(if: ${condition})`;
  }

  /**
   * Arguments of a field: its paging within the node limit, and the rest drawn by type. Also the
   * page size the nodes below stand for, and the order its cursors belong to; null when no page
   * fits the remaining node budget.
   */
  private arguments(
    field: GraphQLField<unknown, unknown>,
    depth: number,
    multiplier: number,
    connection: boolean,
  ): Arguments | null {
    const r = this.random;
    const values = new Map<GraphQLArgument, unknown>();
    let pageSize = 1;
    let order = '';
    if (connection) {
      const room = Math.floor((this.options.maxNodes - this.nodes) / multiplier);
      if (room < 1) return null;
      const largest = Math.min(100, room, depth === 1 ? 100 : depth === 2 ? 10 : 3);
      const size = r.chance(0.3) ? r.int(1, largest) : r.logInt(1, largest);
      const way = r.weighted({ first: 6, last: 3, none: room >= DEFAULT_PAGE_SIZE ? 1 : 0 });
      pageSize = way === 'none' ? DEFAULT_PAGE_SIZE : size;
      this.nodes += pageSize * multiplier;
      const orderArg = field.args.find((a) => a.name === 'orderBy');
      const orderBy = orderArg && r.chance(0.5) ? this.value(orderArg.type, 'orderBy') : undefined;
      if (orderArg && orderBy !== undefined) values.set(orderArg, orderBy);
      order = JSON.stringify(orderBy ?? null);
      const list = `cursor:${getNamedType(field.type).name}|${order}`;
      const cursor = (): string | undefined => {
        // mostly one of this list and order; now and then another list's, whose key may not fit
        const known = r.chance(0.9) ? this.known.of(list) : this.known.of('cursor:any');
        return known.length > 0 ? r.pick(known) : undefined;
      };
      const arg = (name: string) => field.args.find((a) => a.name === name)!;
      if (way === 'first') values.set(arg('first'), size);
      if (way === 'last') values.set(arg('last'), size);
      const from = r.chance(0.35) ? cursor() : undefined;
      if (from !== undefined)
        values.set(arg(way === 'last' || (way === 'none' && r.chance(0.5)) ? 'before' : 'after'), from);
      // now and then paging arguments that execution refuses, or null ones that say nothing
      if (r.chance(0.01)) values.set(arg(way === 'first' ? 'last' : 'first'), size);
      for (const name of PAGING) if (!values.has(arg(name)) && r.chance(0.02)) values.set(arg(name), null);
    }
    const optional = field.args.filter((a) => !PAGING.has(a.name) && a.name !== 'orderBy');
    // a lookup by one of several keys (`organization(id:, creditCode:)`) mostly gets exactly one
    const lookup = !connection && optional.length > 1 && optional.every((a) => !isNonNullType(a.type));
    const chosen = lookup && r.chance(0.95) ? [r.pick(optional)] : optional;
    for (const a of chosen) {
      if (isNonNullType(a.type) || (lookup && chosen.length === 1) || r.chance(0.45)) {
        values.set(a, this.value(a.type, a.name, field));
      }
    }
    if (values.size === 0) return { text: '', pageSize, order };
    const text = [...values].map(([a, v]) => `${a.name}: ${this.argument(a.type, v)}`).join(', ');
    return { text: `(${text})`, pageSize, order };
  }

  /** A value as a literal, or now and then as a variable (with or without a default); so may an input object's fields be. */
  private argument(type: GraphQLInputType, value: unknown): string {
    const r = this.random;
    if (r.chance(0.25)) return this.variable(String(type), value, printValue(type, value));
    const object = getNullableType(type);
    if (!isInputObjectType(object) || value === null) return printValue(type, value);
    const fields = object.getFields();
    const entries = Object.entries(value as Record<string, unknown>).map(([name, v]) => {
      const fieldType = fields[name]!.type;
      const literal = printValue(fieldType, v);
      return `${name}: ${r.chance(0.25) ? this.variable(String(fieldType), v, literal) : literal}`;
    });
    return `{${entries.join(', ')}}`;
  }

  /** A new variable of `type` holding `value`: given with the request, or as its default. */
  private variable(type: string, value: unknown, literal: string): string {
    const name = `v${this.variableDefinitions.length}`;
    if (this.random.chance(0.2) && value !== null) {
      this.variableDefinitions.push(`$${name}: ${type} = ${literal}`);
    } else {
      this.variableDefinitions.push(`$${name}: ${type}`);
      this.variables[name] = value;
    }
    return `$${name}`;
  }

  /** A value of an input type that makes sense for an argument or input field called `name`. */
  private value(type: GraphQLInputType, name: string, field?: GraphQLField<unknown, unknown>): unknown {
    const r = this.random;
    if (!isNonNullType(type) && r.chance(0.03)) return null;
    const t = getNullableType(type);
    if (isListType(t)) {
      // now and then one item alone, which input coercion takes for a list of one
      if (r.chance(0.1)) return this.value(t.ofType, name, field);
      return Array.from({ length: r.int(1, 3) }, () => this.value(t.ofType, name, field));
    }
    if (isEnumType(t)) return r.pick(t.getValues()).name;
    if (isInputObjectType(t)) {
      const object: Record<string, unknown> = {};
      const fields = Object.values(t.getFields());
      for (const f of fields) {
        if (isNonNullType(f.type) || r.chance(fields.length > 4 ? 0.25 : 0.5))
          object[f.name] = this.value(f.type, f.name);
      }
      // date ranges (dateFrom–dateTo, startsFrom–startsTo, …) mostly in order
      for (const from of Object.keys(object).filter((k) => k.endsWith('From'))) {
        const to = from.replace(/From$/, 'To');
        const range = [object[from], object[to]];
        if (range.every((d) => typeof d === 'string') && r.chance(0.9)) [object[from], object[to]] = range.sort();
      }
      return object;
    }
    return this.scalar(t.name, name, field);
  }

  private scalar(scalar: string, name: string, field?: GraphQLField<unknown, unknown>): unknown {
    const r = this.random;
    const known = (kind: string, fallback: string) => {
      const values = this.known.of(kind);
      return values.length > 0 && r.chance(0.98) ? r.pick(values) : fallback;
    };
    switch (scalar) {
      case 'ID': {
        // the type the argument names or the field returns; now and then any type, and for `node`
        // any type whose IDs are known
        const named = ID_TYPES[name] ?? (field && getNamedType(field.type).name);
        const knownTypes = NODE_TYPES.filter((t) => this.known.of(`id:${t}`).length > 0);
        const idType =
          named && named !== 'Node' && !r.chance(0.03)
            ? named
            : r.pick(named === 'Node' && knownTypes.length > 0 ? knownTypes : NODE_TYPES);
        return known(`id:${idType}`, 'bm90LWFuLWlk');
      }
      case 'Int':
        return name === 'first' || name === 'last' ? r.int(1, 100) : r.int(0, 100);
      case 'Boolean':
        return r.chance(0.5);
      case 'Date':
        return `20${r.int(15, 24)}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`;
      case 'DateTime':
        return `20${r.int(15, 24)}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}T0${r.int(0, 9)}:00:00.000Z`;
      case 'Decimal':
        return r.pick(['0', '1000.00', '50000', '1000000.5', String(r.logInt(1, 100_000_000))]);
    }
    switch (name) {
      case 'regionCode':
        return r.chance(0.02) ? '999999' : known('region', '110000');
      case 'creditCode':
        return known('creditCode', '91150000701464845X');
      case 'search':
        return r.chance(0.1) ? r.pick(['%', '_', '\\', "'", 'a', '基金', '  ']) : known('search', '基金会');
      case 'industry':
      case 'donorIndustries':
        return r.chance(0.03) ? 'Z' : String.fromCharCode(65 + r.int(0, 19));
      case 'indicatorCodes':
        return known('indicator', 'unknown_indicator');
    }
    return r.pick(['a', '公益', 'x y', '']);
  }
}

/** The type of the global IDs an argument or input field named so takes. */
const ID_TYPES: Readonly<Record<string, string>> = {
  organizationId: 'Organization',
  donorId: 'Organization',
  recipientId: 'Organization',
  organizerId: 'Organization',
  projectId: 'Project',
};

/** A value of an input type as a GraphQL literal. */
function printValue(type: GraphQLInputType, value: unknown): string {
  if (value === null) return 'null';
  const t = getNullableType(type);
  if (isListType(t)) {
    return Array.isArray(value)
      ? `[${value.map((v) => printValue(t.ofType, v)).join(', ')}]`
      : printValue(t.ofType, value);
  }
  if (isEnumType(t)) return String(value);
  if (isInputObjectType(t)) {
    const fields = t.getFields();
    const entries = Object.entries(value as Record<string, unknown>).map(
      ([k, v]) => `${k}: ${printValue(fields[k]!.type, v)}`,
    );
    return `{${entries.join(', ')}}`;
  }
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The type named by a global ID (base64url of `Type:uuid`), or null when the text is not one. */
function globalIdType(text: string): string | null {
  if (!/^[A-Za-z0-9_-]{20,}$/.test(text)) return null;
  const match = /^([A-Z][A-Za-z]+):[0-9a-f-]{36}$/.exec(Buffer.from(text, 'base64url').toString('utf8'));
  return match ? match[1]! : null;
}

/** The response key of a selection written `key: name…` or `name…`. */
function responseKeyOf(selection: string): string {
  return /^\w+/.exec(selection)![0];
}

function walkStrings(value: unknown, visit: (text: string) => void): void {
  if (typeof value === 'string') visit(value);
  else if (Array.isArray(value)) for (const v of value) walkStrings(v, visit);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) walkStrings(v, visit);
}

/** The values at a response path, through every item of the lists on the way. */
function valuesAt(value: unknown, path: readonly string[]): unknown[] {
  if (Array.isArray(value)) return value.flatMap((v) => valuesAt(v, path));
  if (path.length === 0) return [value];
  if (!value || typeof value !== 'object') return [];
  return valuesAt((value as Record<string, unknown>)[path[0]!], path.slice(1));
}
