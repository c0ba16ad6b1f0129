import DataLoader from 'dataloader';
import type { RequestContext } from './context';

/**
 * Per-request DataLoaders, so a list's relations are fetched in one batched
 * query each (no N+1). A loader lives only as long as its request, so it can
 * never serve one organisation's rows to another.
 */
export function loader<K, V>(
  ctx: RequestContext,
  name: string,
  batch: (keys: readonly K[]) => Promise<ReadonlyArray<V | Error>>,
): DataLoader<K, V> {
  let existing = ctx.loaders.get(name) as DataLoader<K, V> | undefined;
  if (!existing) {
    existing = new DataLoader<K, V>(batch, { maxBatchSize: 1000 });
    ctx.loaders.set(name, existing as DataLoader<unknown, unknown>);
  }
  return existing;
}

/** Orders batched rows by the loader's keys (missing keys give `fallback`). */
export function byKeys<K, R, V>(
  keys: readonly K[],
  rows: R[],
  keyOf: (row: R) => K,
  valueOf: (rows: R[]) => V,
): V[] {
  const grouped = new Map<K, R[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = grouped.get(key);
    if (list) list.push(row);
    else grouped.set(key, [row]);
  }
  return keys.map((key) => valueOf(grouped.get(key) ?? []));
}
