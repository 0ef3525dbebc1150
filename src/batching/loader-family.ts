import DataLoader from 'dataloader';

/**
 * DataLoaders that also depend on arguments (a filter, a page window): one loader per variant,
 * so every parent asking the same question in a request shares one batched statement.
 */
export class LoaderFamily<K, V> {
  private readonly loaders = new Map<string, DataLoader<K, V>>();

  /** The loader for `variant`, made with `batch` the first time the variant is asked for. */
  for(variant: string, batch: DataLoader.BatchLoadFn<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(variant);
    if (!loader) {
      loader = new DataLoader(batch);
      this.loaders.set(variant, loader);
    }
    return loader;
  }
}
