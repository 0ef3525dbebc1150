import DataLoader from 'dataloader';

/**
 * DataLoaders that also depend on arguments (a filter, a page window): one loader per variant,
 * so every parent asking the same question in a request shares one batched statement.
 */
export class LoaderFamily<K, V> {
  private readonly loaders = new Map<string, DataLoader<K, V>>();

  /**
   * The loader for `variant`. The first time a variant is asked for, `makeBatch` builds its batch
   * function (and may throw, for bad input); later parents asking the same reuse it unbuilt.
   */
  for(variant: string, makeBatch: () => DataLoader.BatchLoadFn<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(variant);
    if (!loader) {
      loader = new DataLoader(makeBatch());
      this.loaders.set(variant, loader);
    }
    return loader;
  }
}
