/** The nearest-rank percentile (0 < p <= 100) of a non-empty list of numbers. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  const value = sorted[rank - 1];
  if (value === undefined) throw new Error('[bench] percentile of an empty list');
  return value;
}
