/**
 * What a reader can solve from a public answer, independently of src/core/suppression.ts: the shown
 * counts (numbers) and withheld ones (null), tied by published sums (parts add up to a total: a row's
 * total column, a breakdown's total row, the headline). Gauss-Jordan elimination over the withheld cells;
 * a withheld cell is solved when its row of the reduced system has no other unknown.
 */
export interface PublishedSum {
  parts: number[];
  total: number;
}

export function solvedCells(
  values: readonly (number | null)[],
  sums: readonly PublishedSum[],
): Map<number, number> {
  const unknown = [...new Set(sums.flatMap((s) => [...s.parts, s.total]))].filter((i) => values[i] === null);
  const col = new Map(unknown.map((u, k) => [u, k]));
  // Each sum as coefficients over the unknowns = what the shown cells leave.
  const rows = sums.map((s) => {
    const r = new Array<number>(unknown.length + 1).fill(0);
    const put = (i: number, sign: number) => {
      const k = col.get(i);
      if (k === undefined) r[unknown.length] = (r[unknown.length] ?? 0) - sign * (values[i] ?? 0);
      else r[k] = (r[k] ?? 0) + sign;
    };
    for (const p of s.parts) put(p, 1);
    put(s.total, -1);
    return r;
  });
  let lead = 0;
  for (let c = 0; c < unknown.length && lead < rows.length; c++) {
    const pick = rows.findIndex((r, i) => i >= lead && Math.abs(r[c] ?? 0) > 1e-9);
    if (pick < 0) continue;
    const pivot = rows[pick] ?? [];
    rows[pick] = rows[lead] ?? pivot;
    rows[lead] = pivot;
    const f = pivot[c] ?? 1;
    for (let j = 0; j < pivot.length; j++) pivot[j] = (pivot[j] ?? 0) / f;
    for (const [i, r] of rows.entries()) {
      const g = r[c] ?? 0;
      if (i !== lead && Math.abs(g) > 1e-9)
        for (let j = 0; j < r.length; j++) r[j] = (r[j] ?? 0) - g * (pivot[j] ?? 0);
    }
    lead++;
  }
  const solved = new Map<number, number>();
  for (const r of rows) {
    const nz = unknown.flatMap((u, k) => (Math.abs(r[k] ?? 0) > 1e-9 ? [k] : []));
    const [k] = nz;
    if (nz.length === 1 && k !== undefined)
      solved.set(unknown[k] ?? -1, Math.round((r[unknown.length] ?? 0) / (r[k] ?? 1)));
  }
  return solved;
}

/** The withheld cells a reader can solve to a count from 1 to threshold-1, as "cell=value". */
export function smallCountsSolved(
  values: readonly (number | null)[],
  sums: readonly PublishedSum[],
  threshold: number,
): string[] {
  return [...solvedCells(values, sums)].flatMap(([i, v]) => (v >= 1 && v < threshold ? [`${i}=${v}`] : []));
}
