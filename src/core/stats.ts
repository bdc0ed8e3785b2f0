/** Report math over plain numbers. Percentiles use linear interpolation between closest ranks. */

export function percentile(values: readonly number[], p: number): number | null {
  return percentileOfSorted(
    [...values].sort((a, b) => a - b),
    p,
  );
}

/** `percentile` of values already sorted ascending (a sorted Float64Array, say), without copying them. */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  // Multiply before dividing: (0.9 * 67) is 60.300000000000004, (67 * 90) / 100 is 60.3.
  const rank = ((sorted.length - 1) * p) / 100;
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const a = sorted[lo] ?? 0;
  const b = sorted[hi] ?? a;
  return a + (b - a) * (rank - lo);
}

/**
 * `percentile` of values in any order, found by selection (linear time) rather than a sort. It reorders
 * `values` in place, keeping the same numbers, so several percentiles can be taken from one array in turn.
 */
export function percentileInPlace(values: Float64Array, p: number): number | null {
  const n = values.length;
  if (n === 0) return null;
  const rank = ((n - 1) * p) / 100;
  const lo = Math.floor(rank);
  const a = select(values, lo);
  if (rank === lo) return a;
  // Selection leaves everything after `lo` at least as large: the next rank is their minimum.
  let b = Infinity;
  for (let i = lo + 1; i < n; i++) if ((values[i] as number) < b) b = values[i] as number;
  return a + (b - a) * (rank - lo);
}

/** Reorders `v` so that v[k] holds the k-th smallest, smaller ones before it and larger after (Hoare). */
function select(v: Float64Array, k: number): number {
  let left = 0;
  let right = v.length - 1;
  while (right > left) {
    // Median of three as the pivot, so sorted and reversed input stay linear.
    const mid = (left + right) >> 1;
    const pivot = median3(v[left] as number, v[mid] as number, v[right] as number);
    let i = left;
    let j = right;
    while (i <= j) {
      while ((v[i] as number) < pivot) i++;
      while ((v[j] as number) > pivot) j--;
      if (i <= j) {
        const t = v[i] as number;
        v[i] = v[j] as number;
        v[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return v[k] as number;
}

function median3(a: number, b: number, c: number): number {
  return a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
}

export function median(values: readonly number[]): number | null {
  return percentile(values, 50);
}

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Rounds to one decimal, keeping null. */
export function round1(v: number | null): number | null {
  return v === null ? null : Math.round(v * 10) / 10;
}

export interface Bin {
  label: string;
  count: number;
}

/** Fixed-width bins from 0; the last bin collects everything at or above `max`. */
export function histogram(values: readonly number[], width: number, max: number, unit = ''): Bin[] {
  const bins: Bin[] = [];
  for (let lo = 0; lo < max; lo += width) bins.push({ label: `${lo}-${lo + width}${unit}`, count: 0 });
  bins.push({ label: `${max}+${unit}`, count: 0 });
  for (const v of values) {
    const i = v >= max ? bins.length - 1 : Math.max(0, Math.floor(v / width));
    const bin = bins[i];
    if (bin) bin.count++;
  }
  return bins;
}

/** Change of `value` against `baseline` as a signed percentage, or null when there is no baseline. */
export function percentChange(value: number, baseline: number | null): number | null {
  if (baseline === null || baseline === 0) return null;
  return Math.round(((value - baseline) / baseline) * 100);
}
