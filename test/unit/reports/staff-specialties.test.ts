import { describe, expect, it } from 'vitest';
import { specialtiesReport } from '../../../src/core/reports/staff-specialties.ts';

const TZ = 'America/New_York';
const NOW = Date.UTC(2026, 2, 10, 12, 0);

describe('specialtiesReport', () => {
  it('with no physicians, counts none and draws no chart', () => {
    const r = specialtiesReport([], TZ, NOW);
    expect(r.summary).toBe('0 active physicians in 0 specialties.');
    expect(r.table?.rows).toEqual([]);
    expect(r.chart).toBeUndefined();
    expect(r.footer).toBe('as of 2026-03-10 08:00 America/New_York');
  });

  it('with one physician, reads in the singular', () => {
    const r = specialtiesReport([{ specialty: 'Cardiology', physicians: 1 }], TZ, NOW);
    expect(r.summary).toBe('1 active physician in 1 specialty.');
  });

  it('totals physicians over specialties and charts each specialty as a slice, in row order', () => {
    const r = specialtiesReport(
      [
        { specialty: 'Emergency Medicine', physicians: 7 },
        { specialty: 'Cardiology', physicians: 3 },
      ],
      TZ,
      NOW,
    );
    expect(r.title).toBe('Physicians by specialty');
    expect(r.summary).toBe('10 active physicians in 2 specialties.');
    expect(r.table?.rows).toEqual([
      ['Emergency Medicine', 7],
      ['Cardiology', 3],
    ]);
    expect(r.chart?.config.type).toBe('pie');
    expect(r.chart?.config.data.labels).toEqual(['Emergency Medicine', 'Cardiology']);
    expect(r.chart?.config.data.datasets[0]?.data).toEqual([7, 3]);
  });

  it('with specialties but every count zero, draws no chart', () => {
    const r = specialtiesReport([{ specialty: 'Cardiology', physicians: 0 }], TZ, NOW);
    expect(r.summary).toBe('0 active physicians in 1 specialty.');
    expect(r.chart).toBeUndefined();
  });
});
