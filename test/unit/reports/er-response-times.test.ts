import { describe, expect, it } from 'vitest';
import { responseTimesReport, type ResponseLeg } from '../../../src/core/reports/er-response-times.ts';

const TZ = 'America/New_York';
const NOW = Date.UTC(2026, 2, 10, 12, 0);
const WEEK = { label: 'last 7 days', phrase: 'in the last 7 days' };
/** A dispatch whose first unit is on scene `scene` minutes after the call, with a transport and arrival. */
const leg = (
  severity: string,
  unit_type: string,
  scene: number,
  arrival: number | null = null,
): ResponseLeg => ({
  severity,
  unit_type,
  callToScene: scene,
  // Picked up 5 minutes after reaching the scene, dropped off 2 minutes before the ER arrival.
  sceneToHospital: arrival === null ? null : arrival - 2 - (scene + 5),
  callToArrival: arrival,
});

describe('responseTimesReport', () => {
  it('with no dispatches, says so, has no rows and no chart, and still notes the unit', () => {
    const r = responseTimesReport('severity', [], WEEK, TZ, NOW);
    expect(r.title).toBe('Response times by severity');
    expect(r.summary).toBe('No dispatches in the last 7 days.');
    expect(r.table?.rows).toEqual([]);
    expect(r.chart).toBeUndefined();
    expect(r.footer).toBe('last 7 days · as of 2026-03-10 08:00 America/New_York · minutes');
  });

  it('by severity, lists the groups present in vocabulary order, then all dispatches', () => {
    const r = responseTimesReport(
      'severity',
      [leg('low', 'BLS', 20), leg('high', 'ALS', 6, 30), leg('high', 'ALS', 8, 40)],
      WEEK,
      TZ,
      NOW,
    );
    expect(r.summary).toBe(
      '3 dispatches; call to first unit on scene: median 8 min, 90th percentile 17.6 min.',
    );
    expect(r.table?.columns[0]?.name).toBe('severity');
    expect(r.table?.rows).toEqual([
      ['high', 2, 7, 7.8, 21, 24.2, 35, 39],
      ['low', 1, 20, 20, null, null, null, null],
      ['all', 3, 8, 17.6, 21, 24.2, 35, 39],
    ]);
  });

  it('by ambulance type, names the unit type column, and bins call-to-scene minutes by two up to 30+', () => {
    const r = responseTimesReport(
      'ambulance_type',
      [leg('high', 'PT', 45), leg('medium', 'BLS', 3), leg('high', 'ALS', 3.5)],
      WEEK,
      TZ,
      NOW,
    );
    expect(r.title).toBe('Response times by ambulance type');
    expect(r.table?.columns[0]?.name).toBe('unit type');
    expect(r.table?.rows.map((row) => [row[0], row[1]])).toEqual([
      ['ALS', 1],
      ['BLS', 1],
      ['PT', 1],
      ['all', 3],
    ]);
    const labels = r.chart?.config.data.labels ?? [];
    const counts = r.chart?.config.data.datasets[0]?.data ?? [];
    expect(labels[1]).toBe('2-4');
    expect(counts[1]).toBe(2);
    expect(labels.at(-1)).toBe('30+');
    expect(counts.at(-1)).toBe(1);
    expect(r.chart?.config.options).toMatchObject({
      plugins: { title: { text: 'Call to first unit on scene (last 7 days)' } },
    });
  });
});
