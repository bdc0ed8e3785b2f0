import { describe, expect, it } from 'vitest';
import { fleetReport, type FleetUnit } from '../../../src/core/reports/ambulance-fleet.ts';

const TZ = 'America/New_York';
const NOW = Date.UTC(2026, 2, 10, 12, 0);
const unit = (u: Partial<FleetUnit> & Pick<FleetUnit, 'unit_code' | 'type' | 'status'>): FleetUnit => ({
  crew: null,
  dispatch_id: null,
  assigned_at: null,
  severity: null,
  nature: null,
  ...u,
});

describe('fleetReport', () => {
  it('with no units, says so and has an empty table', () => {
    const r = fleetReport([], TZ, NOW);
    expect(r.summary).toBe('No ambulances on record.');
    expect(r.table?.rows).toEqual([]);
  });

  it('counts units by type and status, and describes a unit on a call in local time', () => {
    const r = fleetReport(
      [
        unit({ unit_code: 'A1', type: 'ALS', status: 'available', crew: 'Ann Lee, Bo Chen' }),
        unit({
          unit_code: 'A2',
          type: 'ALS',
          status: 'on_call',
          dispatch_id: 17,
          assigned_at: new Date(Date.UTC(2026, 2, 10, 11, 30)),
          severity: 'high',
          nature: 'stroke',
        }),
        unit({ unit_code: 'B1', type: 'BLS', status: 'maintenance' }),
      ],
      TZ,
      NOW,
    );
    expect(r.summary).toBe('3 units: 2 ALS, 1 BLS; 1 available, 1 on call, 1 maintenance.');
    expect(r.table?.rows).toEqual([
      ['A1', 'ALS', 'available', 'Ann Lee, Bo Chen', '-'],
      ['A2', 'ALS', 'on call', null, 'high stroke since 2026-03-10 07:30 (dispatch 17)'],
      ['B1', 'BLS', 'maintenance', null, '-'],
    ]);
    expect(r.footer).toBe('as of 2026-03-10 08:00 America/New_York');
  });
});
