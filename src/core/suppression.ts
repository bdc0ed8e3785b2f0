/**
 * Small-cell suppression for channel posts. A count from 1 up to the threshold shows as "<threshold"
 * (primary suppression); then other cells of the same group are hidden (shown as "–") until no hidden
 * count can be worked out from the group's published total and the shown cells (complementary
 * suppression). If that cannot be reached by hiding cells, the group's total is withheld too.
 *
 * What a reader can infer: shown cells exactly; a "<t" cell lies in 1..t-1; a "–" cell is any count >= 0.
 * With the total, the hidden cells sum to S. For box-bounded integers with a fixed sum, each cell's
 * possible values form exactly [max(lo, S - Σ others' hi), min(hi, S - Σ others' lo)]: a cell is
 * derivable when that interval has one value.
 */
export type CellState = 'shown' | 'small' | 'hidden';

export interface GroupInput {
  values: number[];
  /** Whether the group's sum is published (or can be computed from published figures). */
  totalPublished: boolean;
}

export interface GroupResult {
  states: CellState[];
  totalWithheld: boolean;
}

function bounds(state: CellState, value: number, threshold: number): [number, number] {
  if (state === 'shown') return [value, value];
  if (state === 'small') return [1, threshold - 1];
  return [0, Number.POSITIVE_INFINITY];
}

/** Whether any hidden cell of the group can be worked out (the reader knows the total). */
export function derivable(values: number[], states: CellState[], threshold: number): boolean {
  const hidden = states.map((s, i) => (s === 'shown' ? -1 : i)).filter((i) => i >= 0);
  if (hidden.length === 0) return false;
  const sum = hidden.reduce((n, i) => n + (values[i] ?? 0), 0);
  const b = hidden.map((i) => bounds(states[i] ?? 'hidden', values[i] ?? 0, threshold));
  // Sum the others' bounds directly: subtracting an infinite bound from an infinite sum is NaN.
  const others = (k: number, side: 0 | 1) => b.reduce((n, bb, j) => (j === k ? n : n + bb[side]), 0);
  return b.some(([lo, hi], k) => Math.max(lo, sum - others(k, 1)) === Math.min(hi, sum - others(k, 0)));
}

export function suppressGroup(g: GroupInput, threshold: number): GroupResult {
  const states: CellState[] = g.values.map((v) =>
    threshold > 0 && v >= 1 && v < threshold ? 'small' : 'shown',
  );
  if (threshold === 0 || !states.includes('small') || !g.totalPublished)
    return { states, totalWithheld: false };
  while (derivable(g.values, states, threshold)) {
    // Hide the smallest shown positive cell (least information lost); zeros only when nothing else is left.
    let pick = -1;
    const rank = (i: number) => ((g.values[i] ?? 0) === 0 ? Number.POSITIVE_INFINITY : (g.values[i] ?? 0));
    for (const [i, s] of states.entries()) {
      if (s === 'shown' && (pick < 0 || rank(i) < rank(pick))) pick = i;
    }
    if (pick < 0) return { states, totalWithheld: true };
    states[pick] = 'hidden';
  }
  return { states, totalWithheld: false };
}

/** How a suppressed cell reads. */
export function cellText(value: number, state: CellState, threshold: number): string {
  return state === 'shown' ? value.toLocaleString('en-US') : state === 'small' ? `<${threshold}` : '–';
}
