import { describe, expect, it } from 'vitest';
import {
  followUpReport,
  followUpState,
  type DischargeFollowUp,
} from '../../../src/core/reports/care-follow-up.ts';
import { gapsReport, type CareGap } from '../../../src/core/reports/care-gaps.ts';
import { noShowsReport, type AppointmentOutcome } from '../../../src/core/reports/care-no-shows.ts';
import { medsEndingReport, type EndingPrescription } from '../../../src/core/reports/meds-ending.ts';

const TZ = 'America/New_York';
const NOW = Date.UTC(2026, 2, 15, 14, 0);
const DAY = 86_400_000;
const W = { label: 'last 30 days', phrase: 'in the last 30 days' };

function discharge(daysAgo: number, p: Partial<DischargeFollowUp> = {}): DischargeFollowUp {
  return {
    visit_id: 1,
    patient_id: 1,
    condition: 'minor',
    departed_at: new Date(NOW - daysAgo * DAY),
    follow_up_at: null,
    follow_up_department: null,
    ...p,
  };
}

describe('followUpState', () => {
  it.each([
    ['followed up', discharge(10, { follow_up_at: new Date(NOW - 5 * DAY) }), 'followed'],
    ['booked ahead, within its 7 days', discharge(2, { follow_up_at: new Date(NOW + DAY) }), 'followed'],
    ['7 days over exactly, nothing', discharge(7), 'gap'],
    ['7 days not over, nothing yet', discharge(6.9), 'pending'],
  ])('%s: %s', (_, v, state) => {
    expect(followUpState(v, NOW)).toBe(state);
  });
});

describe('followUpReport', () => {
  it('with no discharges, says so, no rows, no chart', () => {
    const r = followUpReport([], W, TZ, NOW);
    expect(r.summary).toBe('No ER discharges of visits that arrived in the last 30 days.');
    expect(r.table?.rows).toEqual([]);
    expect(r.chart).toBeUndefined();
  });

  it('counts followed, gaps and pending by condition, follow-ups by clinic, and a rate without the pending', () => {
    const seen = (d: string) => ({ follow_up_at: new Date(NOW - 9 * DAY), follow_up_department: d });
    const r = followUpReport(
      [
        discharge(10, { condition: 'moderate', ...seen('Orthopedics') }),
        discharge(10, { ...seen('Cardiology') }),
        discharge(10, { ...seen('Cardiology') }),
        discharge(10),
        discharge(1),
      ],
      W,
      TZ,
      NOW,
    );
    expect(r.table?.rows).toEqual([
      ['condition: moderate', 1, 1, 0, 0, 100],
      ['condition: minor', 4, 2, 1, 1, 66.7],
      ['clinic: Cardiology', null, 2, null, null, null],
      ['clinic: Orthopedics', null, 1, null, null, null],
      ['all', 5, 3, 1, 1, 75],
    ]);
    expect(r.chart?.config.data.labels).toEqual(['Cardiology', 'Orthopedics']);
  });
});

describe('gapsReport', () => {
  const gap = (p: Partial<CareGap>): CareGap => ({
    visit_id: 1,
    patient_id: 3,
    mrn: 'MRN1000003',
    first_name: 'Grace',
    last_name: 'Hopper',
    phone: '(212) 555-0142',
    arrived_at: new Date(NOW - 12 * DAY - 3_600_000),
    departed_at: new Date(NOW - 12 * DAY),
    reason: 'chest pain',
    condition: 'moderate',
    total: 2,
    ...p,
  });

  it('lists each patient with phone (or says there is none) and days since discharge, with the total', () => {
    const r = gapsReport([gap({}), gap({ phone: null, departed_at: new Date(NOW - 8.5 * DAY) })], W, TZ, NOW);
    expect(r.table?.rows.map((x) => [x[0], x[2], x[3], x[4]])).toEqual([
      ['MRN1000003', '(212) 555-0142', '2026-03-03 09:00', 12],
      ['MRN1000003', 'no phone on file', '2026-03-06 21:00', 8],
    ]);
    expect(r.summary).toBe(
      '2 discharges in the last 30 days with no clinic appointment within 7 days, oldest first.',
    );
  });

  it('with none, says nobody is waiting for a call', () => {
    expect(gapsReport([], W, TZ, NOW).summary).toMatch(/^No care gaps: every ER discharge/);
  });
});

describe('noShowsReport', () => {
  // Monday 2026-03-09 09:00 and 15:00 local (EDT), Tuesday 09:00.
  const mon9 = new Date(Date.UTC(2026, 2, 9, 13));
  const mon15 = new Date(Date.UTC(2026, 2, 9, 19));
  const tue9 = new Date(Date.UTC(2026, 2, 10, 13));
  const rows: AppointmentOutcome[] = [
    { department: 'Cardiology', starts_at: mon9, status: 'completed', n: 6 },
    { department: 'Cardiology', starts_at: mon9, status: 'no_show', n: 2 },
    { department: 'Cardiology', starts_at: mon15, status: 'cancelled', n: 2 },
    { department: 'Oncology', starts_at: tue9, status: 'completed', n: 9 },
    { department: 'Oncology', starts_at: tue9, status: 'no_show', n: 1 },
  ];

  it('gives no-show rate of the appointments not cancelled, and cancellation rate of all, by department, weekday and local hour', () => {
    const r = noShowsReport(rows, undefined, W, TZ, NOW);
    expect(r.table?.rows).toEqual([
      ['Cardiology', 10, 2, 25, 2, 20],
      ['Oncology', 10, 1, 10, 0, 0],
      ['Mon', 10, 2, 25, 2, 20],
      ['Tue', 10, 1, 10, 0, 0],
      ['09:00', 18, 3, 16.7, 0, 0],
      ['15:00', 2, 0, null, 2, 100],
      ['all', 20, 3, 16.7, 2, 10],
    ]);
    expect(r.chart?.config.data.labels).toEqual(['Cardiology', 'Oncology']);
    expect(r.chart?.config.data.datasets.map((d) => [d.label, d.data])).toEqual([
      ['no-show %', [25, 10]],
      ['cancelled %', [20, 0]],
    ]);
  });

  it('for one department, titles it and charts its weekdays', () => {
    const r = noShowsReport(rows.slice(0, 3), 'Cardiology', W, TZ, NOW);
    expect(r.title).toBe('No-shows and cancellations: Cardiology');
    expect(r.chart?.config.data.labels).toEqual(['Mon']);
  });

  it('with none, says so', () => {
    const r = noShowsReport([], 'Oncology', W, TZ, NOW);
    expect(r.summary).toBe('No Oncology appointments started in the last 30 days.');
    expect(r.chart).toBeUndefined();
  });
});

describe('medsEndingReport', () => {
  const p = (x: Partial<EndingPrescription>): EndingPrescription => ({
    id: 1,
    patient_id: 4,
    mrn: 'MRN1000004',
    first_name: 'Alan',
    last_name: 'Turing',
    medication: 'Amoxicillin',
    form: 'capsule',
    strength: '500 mg',
    dose: '2 capsules',
    frequency: 'three times daily with food, for 10 days',
    starts_on: new Date(Date.UTC(2026, 2, 5)),
    ends_on: new Date(Date.UTC(2026, 2, 17)),
    total: 1,
    ...x,
  });

  it('shows the medication with its full dose and frequency, never shortened', () => {
    const r = medsEndingReport([p({})], 7, '2026-03-15', '2026-03-22', TZ, NOW);
    expect(r.table?.rows).toEqual([
      [
        '2026-03-17',
        'MRN1000004',
        'Alan Turing',
        'Amoxicillin 500 mg capsule',
        '2 capsules',
        'three times daily with food, for 10 days',
        '2026-03-05',
      ],
    ]);
    expect(r.title).toBe('Prescriptions ending within 7 days');
    expect(r.summary).toBe('1 active prescription ends from 2026-03-15 to 2026-03-22.');
  });

  it('with none, says so', () => {
    expect(medsEndingReport([], 1, '2026-03-15', '2026-03-16', TZ, NOW).summary).toBe(
      'No active prescriptions end from 2026-03-15 to 2026-03-16.',
    );
  });
});
