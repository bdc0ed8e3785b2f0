import { describe, expect, it } from 'vitest';
import { percentileInPlace, percentileOfSorted } from '../../src/core/stats.ts';

describe('percentileInPlace (selection instead of a sort)', () => {
  let seed = 11;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const shapes: Record<string, (n: number) => number[]> = {
    random: (n) => Array.from({ length: n }, () => Math.round(random() * 1000) / 10),
    'many ties': (n) => Array.from({ length: n }, () => Math.floor(random() * 4)),
    sorted: (n) => Array.from({ length: n }, (_, i) => i / 3),
    reversed: (n) => Array.from({ length: n }, (_, i) => n - i),
    'all equal': (n) => Array.from({ length: n }, () => 7.5),
    negative: (n) => Array.from({ length: n }, () => random() * 200 - 100),
  };

  for (const [shape, make] of Object.entries(shapes)) {
    it(`equals the sorted percentile for ${shape} values of every length, p from 0 to 100`, () => {
      for (let n = 1; n <= 120; n++) {
        const values = make(n);
        const sorted = Float64Array.from(values).sort();
        const v = Float64Array.from(values);
        for (const p of [0, 1, 10, 25, 50, 75, 90, 95, 99, 100]) {
          expect(percentileInPlace(v, p), `${shape}, n ${n}, p ${p}`).toBe(percentileOfSorted(sorted, p));
        }
        // The same numbers, reordered only.
        expect(Float64Array.from(v).sort()).toEqual(sorted);
      }
    });
  }

  it('gives null for no values', () => {
    expect(percentileInPlace(new Float64Array(0), 50)).toBeNull();
  });
});
