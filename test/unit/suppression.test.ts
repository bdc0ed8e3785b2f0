import { describe, expect, it } from 'vitest';
import {
  derivable,
  isSmallCount,
  protect,
  suppressGroup,
  workedOut,
  type CellState,
  type Sum,
} from '../../src/core/suppression.ts';
import { Random } from '../../dev/seed/random.ts';
import { smallCountsSolved } from '../support/disclosure.ts';

/**
 * Independent check by enumeration: every assignment of the hidden cells that a reader would find
 * consistent (shown cells exact, "<t" in 1..t-1, "–" any count >= 0, hidden cells summing to what the
 * total leaves). A hidden cell is derivable when it has the same value in all of them.
 */
function derivableByEnumeration(values: number[], states: CellState[], t: number): boolean {
  const hidden = states.map((s, i) => (s === 'shown' ? -1 : i)).filter((i) => i >= 0);
  const sum = hidden.reduce((n, i) => n + (values[i] ?? 0), 0);
  const seen = hidden.map(() => new Set<number>());
  const walk = (k: number, left: number, picked: number[]) => {
    if (k === hidden.length) {
      if (left === 0) picked.forEach((v, j) => seen[j]?.add(v));
      return;
    }
    const state = states[hidden[k] ?? 0];
    const lo = state === 'small' ? 1 : 0;
    const hi = state === 'small' ? Math.min(t - 1, left) : left;
    for (let v = lo; v <= hi; v++) walk(k + 1, left - v, [...picked, v]);
  };
  walk(0, sum, []);
  return seen.some((s) => s.size === 1);
}

describe('suppressGroup', () => {
  it('shows counts from 1 to threshold-1 as small, and leaves zeros and larger counts', () => {
    const r = suppressGroup({ values: [0, 3, 12, 40], totalPublished: false }, 5);
    expect(r.states).toEqual(['shown', 'small', 'shown', 'shown']);
  });

  it('with a published total, hides another cell so the small one cannot be worked out', () => {
    const r = suppressGroup({ values: [0, 3, 12, 40], totalPublished: true }, 5);
    expect(r.states).toEqual(['shown', 'small', 'hidden', 'shown']);
    expect(r.totalWithheld).toBe(false);
  });

  it('with the threshold at 0, hides nothing', () => {
    expect(suppressGroup({ values: [1, 2, 3], totalPublished: true }, 0).states).toEqual([
      'shown',
      'shown',
      'shown',
    ]);
  });

  it('never lets a hidden count be derived (2,000 random groups, checked by enumeration)', () => {
    const r = new Random(7);
    for (let i = 0; i < 2000; i++) {
      const t = r.pick([3, 5, 10]);
      const values = Array.from({ length: r.int(1, 6) }, () => r.pick([0, r.int(1, t - 1), r.int(1, 3 * t)]));
      const { states, totalWithheld } = suppressGroup({ values, totalPublished: true }, t);
      for (const [j, s] of states.entries()) {
        const v = values[j] ?? 0;
        if (s === 'shown') expect(v === 0 || v >= t, `group ${i}: ${values} ${states}`).toBe(true);
      }
      if (!totalWithheld) {
        expect(derivableByEnumeration(values, states, t), `group ${i}: ${values} -> ${states}`).toBe(false);
        expect(derivable(values, states, t)).toBe(false);
      }
    }
  });

  it('agrees with enumeration on which hidings are derivable', () => {
    const r = new Random(8);
    for (let i = 0; i < 2000; i++) {
      const t = r.pick([3, 5]);
      const values = Array.from({ length: r.int(1, 5) }, () => r.int(0, 2 * t));
      const states = values.map((v): CellState =>
        v >= 1 && v < t ? 'small' : r.chance(0.3) ? 'hidden' : 'shown',
      );
      expect(derivable(values, states, t), `${values} ${states}`).toBe(
        derivableByEnumeration(values, states, t),
      );
    }
  });
});

describe('protect with counts the answer does not show', () => {
  const T = 5;
  // OP-18: a = b + dMh + tNot + tMh, c = dMh + tMh, d = tNot + tMh; dMh, tNot, tMh are never shown.
  // a=30, b=20, c=4 ("<5"), d=7: then dMh = a - b - d = 3 and tMh = 1, whatever c shows.
  const values = [30, 20, 4, 7, 3, 6, 1];
  const sums: Sum[] = [
    { parts: [1, 4, 5, 6], total: 0 },
    { parts: [4, 6], total: 2 },
    { parts: [5, 6], total: 3 },
  ];

  it('per cell, as public /er measures was: discharged mental-health visits (not shown) work out to 3', () => {
    const states = protect(values.slice(0, 4), [], T);
    const read = [...values.slice(0, 4).map((v, i) => (states[i] === 'shown' ? v : null)), null, null, null];
    expect(smallCountsSolved(read, sums, T)).toEqual(['4=3']);
  });

  it('hides a shown figure so no unshown count works out to 1..t-1, and never shows an unshown one', () => {
    const states = protect(values, sums, T, () => 0, { unpublished: [4, 5, 6] });
    expect(states.slice(4)).toEqual(['hidden', 'hidden', 'hidden']);
    expect(states.slice(0, 4).filter((s) => s === 'hidden')).toHaveLength(1);
    const read = values.map((v, i) => (states[i] === 'shown' ? v : null));
    expect(smallCountsSolved(read, sums, T)).toEqual([]);
    expect([...workedOut(values, states, sums, T)].filter((i) => isSmallCount(values[i] ?? 0, T))).toEqual(
      [],
    );
  });

  it('leaves a table alone when its unshown counts cannot be worked out', () => {
    // LBTC = LWBS + (left against advice or eloped): 23 = 12 + 11, no small count among them.
    expect(protect([12, 23, 11], [{ parts: [0, 2], total: 1 }], T, () => 0, { unpublished: [2] })).toEqual([
      'shown',
      'shown',
      'hidden',
    ]);
  });

  it('protects a small unshown count even when no shown cell is small', () => {
    // LBTC 9 = LWBS 6 + 3 who left against advice or eloped: one of the two rates must go.
    const states = protect([6, 9, 3], [{ parts: [0, 2], total: 1 }], T, () => 0, { unpublished: [2] });
    expect(states[2]).toBe('hidden');
    expect(states.slice(0, 2).filter((s) => s === 'hidden')).toHaveLength(1);
  });
});
