import { Kind, parse, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

/**
 * The class of a query for the random-query bench: the names of the root fields it asks for
 * (aliases and fragments on Query followed, directives ignored, `__typename` left out unless
 * alone), sorted and joined by `+`: `donationSummary+donations`.
 */
export function queryClass(document: string): string {
  return rootFields(document).join('+');
}

/** The root fields of the document's first operation, each once, sorted. */
export function rootFields(document: string): string[] {
  const ast = parse(document);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of ast.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const operation = ast.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return [];
  const names = new Set<string>();
  const visit = (set: SelectionSetNode, seen: ReadonlySet<string>) => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) names.add(s.name.value);
      else if (s.kind === Kind.INLINE_FRAGMENT) visit(s.selectionSet, seen);
      else if (!seen.has(s.name.value)) {
        const fragment = fragments.get(s.name.value);
        if (fragment) visit(fragment.selectionSet, new Set([...seen, s.name.value]));
      }
    }
  };
  visit(operation.selectionSet, new Set());
  const fields = [...names].filter((n) => n !== '__typename').sort();
  return fields.length > 0 ? fields : [...names];
}
