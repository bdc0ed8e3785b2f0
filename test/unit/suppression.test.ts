import { describe, expect, it } from 'vitest';
import { derivable, suppressGroup, type CellState } from '../../src/core/suppression.ts';
import { Random } from '../../dev/seed/random.ts';

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
