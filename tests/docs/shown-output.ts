const DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

/** Compares what a page shows with what the server answered: `expectation(shown, actual, ids)`. */
export type Expectation = (shown: unknown, actual: unknown, ids: Map<string, string>) => unknown;

/**
 * What a docs page shows, as an expectation of `actual`: example values that `standsIn` accepts
 * (IDs of records the examples create, say) stand for the server's, bound in `ids` the first time
 * they are seen at the same place in `actual` (object keys included); instants stand for any instant.
 */
export function expectationOf(standsIn: (value: string) => boolean): Expectation {
  const bind = (value: string, real: unknown, ids: Map<string, string>) => {
    if (!standsIn(value)) return value;
    if (!ids.has(value) && typeof real === 'string') ids.set(value, real);
    return ids.get(value) ?? value;
  };
  const expectation: Expectation = (shown, actual, ids) => {
    if (typeof shown === 'string') {
      return DATE_TIME.test(shown) ? expect.stringMatching(DATE_TIME) : bind(shown, actual, ids);
    }
    if (Array.isArray(shown)) {
      return shown.map((item, i) => expectation(item, Array.isArray(actual) ? actual[i] : undefined, ids));
    }
    if (shown && typeof shown === 'object') {
      const a = (actual && typeof actual === 'object' ? actual : {}) as Record<string, unknown>;
      return Object.fromEntries(
        Object.entries(shown).map(([k, v], i) => {
          const key = bind(k, Object.keys(a)[i], ids);
          return [key, expectation(v, a[key], ids)];
        }),
      );
    }
    return shown;
  };
  return expectation;
}

/** The status of the record a command's output reads with `node(id:)`, if it reads one. */
export function nodeStatus(stdout: string): unknown {
  try {
    return JSON.parse(stdout)?.data?.node?.status;
  } catch {
    return undefined;
  }
}
