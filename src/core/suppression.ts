/**
 * Small-cell suppression for channel posts and public answers. A count from 1 up to the threshold shows as
 * "<threshold" (primary suppression); then other cells are hidden (shown as "–") until no small count can
 * be worked out from the published totals and the shown cells (complementary suppression).
 *
 * - `suppressGroup`: one group and its total (the daily summary's figures). For box-bounded integers with
 *   a fixed sum, each cell's possible values form exactly [max(lo, S - Σ others' hi), min(hi, S - Σ
 *   others' lo)]: a cell is derivable when that interval has one value. If hiding cells cannot prevent
 *   that, the group's total is withheld too.
 * - `protect`: any set of sums sharing cells (a table's rows and columns, several breakdowns of the same
 *   people), checked by linear algebra and by bounds (`workedOut`).
 *
 * What a reader can infer: shown cells exactly; a "<t" cell lies in 1..t-1; a "–" cell is any count >= 0.
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

/** A count the small-cell rule protects: 1 to threshold-1 (none when the threshold is 0, the rule off). */
export const isSmallCount = (v: number, threshold: number) => threshold > 0 && v >= 1 && v < threshold;

export function suppressGroup(g: GroupInput, threshold: number): GroupResult {
  const states: CellState[] = g.values.map((v) => (isSmallCount(v, threshold) ? 'small' : 'shown'));
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

/** A published sum: the cells `parts` add up to the cell `total` (indices into one list of counts). */
export interface Sum {
  parts: number[];
  total: number;
}

const EPS = 1e-9;

/**
 * The withheld cells (small or hidden) a reader can work out exactly from what is shown: by linear algebra
 * over the published sums (a cell is determined when its unit vector lies in the row space of the sums
 * over the withheld cells), or by bounds (shown exact, "<t" in 1..t-1, "–" any count >= 0) tightened
 * through the sums until they settle.
 */
export function workedOut(
  values: readonly number[],
  states: readonly CellState[],
  sums: readonly Sum[],
  threshold: number,
): Set<number> {
  const found = new Set<number>();
  for (const i of linearlyDetermined(states, sums)) found.add(i);
  const b = values.map((v, i) => bounds(states[i] ?? 'shown', v, threshold));
  for (let round = 0, changed = true; changed && round < 50; round++) {
    changed = false;
    for (const s of sums) {
      const lo = s.parts.reduce((n, p) => n + (b[p]?.[0] ?? 0), 0);
      const hi = s.parts.reduce((n, p) => n + (b[p]?.[1] ?? 0), 0);
      changed = tighten(b, s.total, lo, hi) || changed;
      // The others' upper bounds without the part itself (an infinite sum less an infinite bound is NaN).
      const unbounded = s.parts.filter((p) => (b[p]?.[1] ?? 0) === Infinity).length;
      const finiteHi = s.parts.reduce(
        (n, p) => n + ((b[p]?.[1] ?? 0) === Infinity ? 0 : (b[p]?.[1] ?? 0)),
        0,
      );
      for (const p of s.parts) {
        const [ownLo, ownHi] = b[p] ?? [0, Infinity];
        const total = b[s.total] ?? [0, Infinity];
        const othersHi =
          ownHi === Infinity
            ? unbounded > 1
              ? Infinity
              : finiteHi
            : unbounded > 0
              ? Infinity
              : finiteHi - ownHi;
        changed = tighten(b, p, total[0] - othersHi, total[1] - (lo - ownLo)) || changed;
      }
    }
  }
  for (const [i, s] of states.entries()) if (s !== 'shown' && b[i]?.[0] === b[i]?.[1]) found.add(i);
  return found;
}

function tighten(b: [number, number][], i: number, lo: number, hi: number): boolean {
  const cur = b[i];
  if (!cur) return false;
  const next: [number, number] = [Math.max(cur[0], lo), Math.min(cur[1], hi)];
  if (next[0] === cur[0] && next[1] === cur[1]) return false;
  b[i] = next;
  return true;
}

/** The withheld cells whose value follows from the sums alone (Gauss-Jordan over the withheld cells). */
export function linearlyDetermined(states: readonly CellState[], sums: readonly Sum[]): number[] {
  const unknown = [...new Set(sums.flatMap((s) => [...s.parts, s.total]))].filter(
    (i) => (states[i] ?? 'shown') !== 'shown',
  );
  const column = new Map(unknown.map((u, k) => [u, k]));
  const rows = sums
    .map((s) => {
      const r = new Array<number>(unknown.length).fill(0);
      for (const p of s.parts) {
        const k = column.get(p);
        if (k !== undefined) r[k] = (r[k] ?? 0) + 1;
      }
      const k = column.get(s.total);
      if (k !== undefined) r[k] = (r[k] ?? 0) - 1;
      return r;
    })
    .filter((r) => r.some((x) => x !== 0));
  let pivotRow = 0;
  for (let c = 0; c < unknown.length && pivotRow < rows.length; c++) {
    let best = pivotRow;
    for (let r = pivotRow + 1; r < rows.length; r++)
      if (Math.abs(rows[r]?.[c] ?? 0) > Math.abs(rows[best]?.[c] ?? 0)) best = r;
    const pivot = rows[best];
    if (!pivot || Math.abs(pivot[c] ?? 0) < EPS) continue;
    [rows[pivotRow], rows[best]] = [pivot, rows[pivotRow] ?? pivot];
    const scale = pivot[c] ?? 1;
    for (let j = 0; j < pivot.length; j++) pivot[j] = (pivot[j] ?? 0) / scale;
    for (const [r, row] of rows.entries()) {
      const f = row[c] ?? 0;
      if (r === pivotRow || Math.abs(f) < EPS) continue;
      for (let j = 0; j < row.length; j++) row[j] = (row[j] ?? 0) - f * (pivot[j] ?? 0);
    }
    pivotRow++;
  }
  return rows.flatMap((r) => {
    const nonzero = r.flatMap((x, k) => (Math.abs(x) > EPS ? [k] : []));
    const [only] = nonzero;
    return nonzero.length === 1 && only !== undefined ? [unknown[only] ?? -1] : [];
  });
}

export interface ProtectOptions {
  /**
   * Counts the answer never shows but a reader knows the sums of (left against advice plus eloped, inside
   * LBTC less LWBS): they start hidden and stay so, and they may no more be worked out as 1..t-1 than a
   * shown cell's "<t".
   */
  unpublished?: readonly number[];
}

/**
 * Small-cell protection over any set of published sums (a table's row and column totals, several
 * breakdowns of the same people adding up to one total): counts 1..t-1 become "small"; then, while a reader
 * could work out a small count (workedOut), one more cell is hidden: of the shown cells in a sum with a
 * cell that can be worked out, the one that leaves the fewest small counts exposed, the smallest positive
 * count first and zeros last. `level` ranks cells by how much the answer needs them shown (0 a cell, 1 a
 * subtotal, 2 the headline total): higher levels are hidden only when hiding lower ones cannot protect.
 * When every cell of the sums is withheld and a small count can still be worked out (all of them "<t"),
 * a "<t" becomes "–", the highest level first.
 */
export function protect(
  values: readonly number[],
  sums: readonly Sum[],
  threshold: number,
  level: (i: number) => number = () => 0,
  options: ProtectOptions = {},
): CellState[] {
  const unpublished = new Set(options.unpublished ?? []);
  const initial: CellState[] = values.map((v, i) =>
    unpublished.has(i) ? 'hidden' : isSmallCount(v, threshold) ? 'small' : 'shown',
  );
  const isSmall = (i: number) => isSmallCount(values[i] ?? 0, threshold);
  if (!values.some((_, i) => isSmall(i))) return initial;
  const exposed = (st: readonly CellState[]) =>
    [...workedOut(values, st, sums, threshold)].filter(isSmall).length;
  const inSums = [...new Set(sums.flatMap((s) => [...s.parts, s.total]))];
  const top = Math.max(0, ...inSums.map(level));

  /** Hides cells up to a level one at a time, greedily, until nothing small is exposed or none is left. */
  const run = (states: CellState[], allowed: number, weaken: boolean): number => {
    let left = exposed(states);
    while (left > 0) {
      const known = workedOut(values, states, sums, threshold);
      const near = sums.filter((s) => [...s.parts, s.total].some((i) => known.has(i)));
      const pool = weaken ? inSums : [...new Set(near.flatMap((s) => [...s.parts, s.total]))];
      const want = weaken ? 'small' : 'shown';
      let candidates = pool.filter((i) => states[i] === want && level(i) <= allowed);
      // Nothing shown is tied to what can be worked out: widen to every cell of any sum.
      if (candidates.length === 0)
        candidates = inSums.filter((i) => states[i] === want && level(i) <= allowed);
      const rank = (i: number) => (weaken ? -level(i) : (values[i] ?? 0) === 0 ? Infinity : (values[i] ?? 0));
      let best: { i: number; left: number } | undefined;
      for (const i of candidates) {
        const was = states[i] ?? 'shown';
        states[i] = 'hidden';
        const after = exposed(states);
        states[i] = was;
        if (!best || after < best.left || (after === best.left && rank(i) < rank(best.i)))
          best = { i, left: after };
      }
      if (!best) break;
      states[best.i] = 'hidden';
      left = best.left;
    }
    return left;
  };

  // Each level from scratch: the cells of the lowest level that can protect every small count.
  let states = [...initial];
  for (let allowed = 0; allowed <= top; allowed++) {
    states = [...initial];
    if (run(states, allowed, false) === 0) return states;
  }
  // Every cell that may be is withheld and small counts can still be worked out: "<t" becomes "–".
  run(states, top, true);
  return states;
}

/** How a suppressed cell reads. */
export function cellText(value: number, state: CellState, threshold: number): string {
  return state === 'shown' ? value.toLocaleString('en-US') : state === 'small' ? `<${threshold}` : '–';
}
