import { describe, expect, it } from 'vitest';
import { arrivalsReport, type ArrivalsRow } from '../../../src/core/reports/er-arrivals.ts';

const TZ = 'America/New_York';
const NOW = Date.UTC(2026, 2, 10, 12, 0);
const RANGE = { label: '2026-03-07 to 2026-03-09', phrase: 'from 2026-03-07 to 2026-03-09' };
const row = (condition: string, esi: [number, number, number, number, number]): ArrivalsRow => ({
  condition,
  arrivals: esi.reduce((a, b) => a + b, 0),
  esi1: esi[0],
  esi2: esi[1],
  esi3: esi[2],
  esi4: esi[3],
  esi5: esi[4],
});

describe('arrivalsReport', () => {
  it('with no arrivals, says so, has no rows (not even a total) and no chart', () => {
    const r = arrivalsReport([], RANGE, TZ, NOW);
    expect(r.summary).toBe('No ER arrivals from 2026-03-07 to 2026-03-09.');
    expect(r.table?.rows).toEqual([]);
    expect(r.chart).toBeUndefined();
  });

  it('with one condition, has no total row', () => {
    const r = arrivalsReport([row('minor', [0, 0, 1, 0, 0])], RANGE, TZ, NOW);
    expect(r.summary).toBe('1 arrival from 2026-03-07 to 2026-03-09.');
    expect(r.table?.rows).toEqual([['minor', 1, 0, 0, 1, 0, 0]]);
  });

  it('with several conditions, adds a total row summing each triage level, and stacks the chart by level', () => {
    const r = arrivalsReport(
      [row('critical', [2, 1, 0, 0, 0]), row('stable', [0, 0, 1, 3, 4])],
      RANGE,
      TZ,
      NOW,
    );
    expect(r.summary).toBe('11 arrivals from 2026-03-07 to 2026-03-09.');
    expect(r.table?.columns.map((c) => c.name)).toEqual([
      'condition',
      'arrivals',
      'ESI 1',
      'ESI 2',
      'ESI 3',
      'ESI 4',
      'ESI 5',
    ]);
    expect(r.table?.rows).toEqual([
      ['critical', 3, 2, 1, 0, 0, 0],
      ['stable', 8, 0, 0, 1, 3, 4],
      ['total', 11, 2, 1, 1, 3, 4],
    ]);
    expect(r.chart?.config.data.labels).toEqual(['critical', 'stable']);
    expect(r.chart?.config.data.datasets.map((d) => [d.label, d.data])).toEqual([
      ['ESI 1', [2, 0]],
      ['ESI 2', [1, 0]],
      ['ESI 3', [0, 1]],
      ['ESI 4', [0, 3]],
      ['ESI 5', [0, 4]],
    ]);
    expect(r.chart?.config.options).toMatchObject({ scales: { x: { stacked: true } } });
  });
});
