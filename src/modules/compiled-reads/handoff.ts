import {
  execute,
  GraphQLError,
  GraphQLSchema,
  Kind,
  type DocumentNode,
  type ExecutionResult,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type OperationDefinitionNode,
} from 'graphql';
import { HANDOFF_TYPE, type Handoff } from './compile';

/** Per schema, a schema of the same types whose query type is one of them, so execution can start at its objects. */
const rootedSchemas = new WeakMap<GraphQLSchema, Map<string, GraphQLSchema>>();

function schemaRootedAt(schema: GraphQLSchema, type: GraphQLObjectType): GraphQLSchema {
  let byType = rootedSchemas.get(schema);
  if (!byType) rootedSchemas.set(schema, (byType = new Map()));
  let rooted = byType.get(type.name);
  if (!rooted) {
    rooted = new GraphQLSchema({
      query: type,
      types: Object.values(schema.getTypeMap()).filter((t) => !t.name.startsWith('__')),
      directives: schema.getDirectives(),
    });
    byType.set(type.name, rooted);
  }
  return rooted;
}

/** An operation of only these fields (already collected), keeping the operation's variables and the document's fragments. */
export function operationOf(
  operation: OperationDefinitionNode,
  fields: readonly FieldNode[],
  fragments: readonly FragmentDefinitionNode[],
): DocumentNode {
  return {
    kind: Kind.DOCUMENT,
    definitions: [{ ...operation, selectionSet: { kind: Kind.SELECTION_SET, selections: fields } }, ...fragments],
  };
}

/** What the handoffs answered: their errors, with paths from the response's root, and whether one nulled the whole `data`. */
export interface Continued {
  errors: GraphQLError[];
  nulled: boolean;
}

/**
 * Executes each handoff's field on every parent object the statement returned at its path, from
 * the row keys the statement put in the field's place (mapped by their columns, as the driver
 * maps them), and puts the answer there. All start at once, so their loaders batch. A failed
 * non-null field nulls the nearest nullable place above it, as execution does; when there is
 * none, `nulled` says `data` is null. Errors come in response order; of the failures that null one
 * place, only the first is reported, as execution, which stops completing a place once it is null.
 */
export async function continueHandoffs(
  handoffs: readonly Handoff[],
  data: Record<string, unknown>,
  execution: {
    schema: GraphQLSchema;
    operation: OperationDefinitionNode;
    fragments: readonly FragmentDefinitionNode[];
    contextValue: unknown;
    variableValues: Record<string, unknown> | undefined;
  },
): Promise<Continued> {
  const runs: Array<{ handoff: Handoff; parent: Parent; result: Promise<ExecutionResult> }> = [];
  for (const handoff of handoffs) {
    const document = operationOf(execution.operation, handoff.nodes, execution.fragments);
    const schema = schemaRootedAt(execution.schema, handoff.parentType);
    for (const parent of parentsAt(data, handoff.path)) {
      const keys = parent.object[handoff.responseKey] as Record<string, unknown> | null | undefined;
      // a parent of another type at the same path (`nodes`) holds its own handoff, or none
      if (keys?.[HANDOFF_TYPE] !== handoff.parentType.name) continue;
      const row = Object.fromEntries(
        handoff.row.map(([key, column]) => [key, keys[key] === null ? null : column.mapFromDriverValue(keys[key])]),
      );
      const result = execute({
        schema,
        document,
        rootValue: row,
        contextValue: execution.contextValue,
        variableValues: execution.variableValues,
      });
      runs.push({ handoff, parent, result: Promise.resolve(result) });
    }
  }
  const answers = await Promise.all(runs.map(async (run) => ({ ...run, answer: await run.result })));
  answers.sort((x, y) =>
    compareIn(data, [...x.parent.at, x.handoff.responseKey], [...y.parent.at, y.handoff.responseKey]),
  );
  const errors: GraphQLError[] = [];
  const failedAt = new Map<string, ReadonlyArray<string | number>>();
  let nulled = false;
  for (const { handoff, parent, answer } of answers) {
    let failed: ReadonlyArray<string | number> | null = null;
    if (answer.data) parent.object[handoff.responseKey] = answer.data[handoff.responseKey];
    else {
      // the field is non-null and failed: the nearest nullable place above it becomes null
      const nullable = handoff.path.map((step) => step.nullable).lastIndexOf(true);
      failed = parent.at.slice(0, nullable + 1);
      const place = JSON.stringify(failed);
      if (failedAt.has(place)) continue;
      failedAt.set(place, failed);
      if (nullable < 0) nulled = true;
    }
    for (const error of answer.errors ?? []) {
      errors.push(
        new GraphQLError(error.message, {
          nodes: error.nodes,
          source: error.source,
          positions: error.positions,
          path: [...parent.at, ...(error.path ?? [])],
          originalError: error.originalError,
          extensions: error.extensions,
        }),
      );
    }
  }
  for (const at of failedAt.values()) if (at.length > 0) setNull(data, at);
  return { errors, nulled };
}

/** Which of two paths in `data` comes first in the response: list items by index, fields in their object's order. */
function compareIn(data: unknown, a: ReadonlyArray<string | number>, b: ReadonlyArray<string | number>): number {
  let container = data as Record<string, unknown> | null;
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
    if (a[i] !== b[i]) {
      if (typeof a[i] === 'number' && typeof b[i] === 'number') return (a[i] as number) - (b[i] as number);
      const keys = Object.keys(container ?? {});
      return keys.indexOf(String(a[i])) - keys.indexOf(String(b[i]));
    }
    container = (container?.[a[i] as string] ?? null) as Record<string, unknown> | null;
  }
  return a.length - b.length;
}

interface Parent {
  object: Record<string, unknown>;
  /** its path from the response's root, list indices included */
  at: ReadonlyArray<string | number>;
}

/** The objects at `path` in `data`, through every item of its lists; none under a null. */
function parentsAt(data: Record<string, unknown>, path: Handoff['path']): Parent[] {
  let found: Array<{ value: unknown; at: Array<string | number> }> = [{ value: data, at: [] }];
  for (const step of path) {
    const next: typeof found = [];
    for (const { value, at } of found) {
      if (value === null || typeof value !== 'object') continue;
      if (step.key === '*') (value as unknown[]).forEach((item, i) => next.push({ value: item, at: [...at, i] }));
      else next.push({ value: (value as Record<string, unknown>)[step.key], at: [...at, step.key] });
    }
    found = next;
  }
  return found
    .filter((f) => f.value !== null && typeof f.value === 'object')
    .map((f) => ({ object: f.value as Record<string, unknown>, at: f.at }));
}

function setNull(data: Record<string, unknown>, at: ReadonlyArray<string | number>): void {
  let container: any = data;
  for (const key of at.slice(0, -1)) {
    container = container?.[key];
    // an ancestor is null already
    if (container === null || container === undefined) return;
  }
  container[at.at(-1)!] = null;
}
