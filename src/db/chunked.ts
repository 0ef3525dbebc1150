/** Splits rows into batches of at most `size`, in order; inserts stay under the parameter limit. */
export function* chunked<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
