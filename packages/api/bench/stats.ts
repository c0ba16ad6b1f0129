/** Timings and their summaries (milliseconds). */

export async function timeMs<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = process.hrtime.bigint();
  const result = await fn();
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, result };
}

/** Nearest-rank percentile (p in 0..100) of a non-empty sample. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

export interface Summary {
  runs: number;
  p50: number;
  p95: number;
}

export const summarise = (samples: readonly number[]): Summary => ({
  runs: samples.length,
  p50: percentile(samples, 50),
  p95: percentile(samples, 95),
});
