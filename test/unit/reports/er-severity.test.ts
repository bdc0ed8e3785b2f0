import { describe, expect, it } from 'vitest';
import { severityReport, type SeverityIncident } from '../../../src/core/reports/er-severity.ts';

const TZ = 'America/New_York';
const NOW = Date.UTC(2026, 2, 10, 12, 0);
const WEEK = { label: 'last 7 days', phrase: 'in the last 7 days' };
const incident = (i: Partial<SeverityIncident> & Pick<SeverityIncident, '_id' | 'dispatchedAt'>) => ({
  nature: 'cardiac',
  location: { district: 'North' },
  units: [{ unitCode: 'A1' }],
  responseMinutes: null,
  ...i,
});

describe('severityReport', () => {
  it('with no dispatches, says so for the level and window and has an empty table', () => {
    const r = severityReport('high', [], [], WEEK, TZ, NOW);
    expect(r.title).toBe('High-severity dispatches');
    expect(r.summary).toBe('No high-severity dispatches in the last 7 days.');
    expect(r.table?.rows).toEqual([]);
    expect(r.table?.totalRows).toBe(0);
    expect(r.footer).toBe('last 7 days · as of 2026-03-10 08:00 America/New_York');
  });

  it('cut at the cap, counts every dispatch by nature, names the top three and the median of those shown', () => {
    const r = severityReport(
      'medium',
      [
        incident({ _id: 9, dispatchedAt: new Date(Date.UTC(2026, 2, 9, 15)), responseMinutes: 8 }),
        incident({ _id: 8, dispatchedAt: new Date(Date.UTC(2026, 2, 9, 14)), responseMinutes: null }),
        incident({ _id: 7, dispatchedAt: new Date(Date.UTC(2026, 2, 9, 13)), responseMinutes: 11 }),
      ],
      [
        { nature: 'fall', n: 120 },
        { nature: 'cardiac', n: 80 },
        { nature: 'stroke', n: 30 },
        { nature: 'burn', n: 20 },
      ],
      WEEK,
      TZ,
      NOW,
    );
    expect(r.title).toBe('Medium-severity dispatches');
    expect(r.summary).toBe(
      '250 dispatches; most often fall 120, cardiac 80, stroke 30. Median response 9.5 min (3 of 250 shown).',
    );
    expect(r.table?.totalRows).toBe(250);
    expect(r.table?.rows.map((row) => row[0])).toEqual([9, 8, 7]);
  });

  it('shows each dispatch in local time on both sides of the spring-forward change, with all its units', () => {
    const r = severityReport(
      'low',
      [
        incident({
          _id: 2,
          dispatchedAt: new Date('2026-03-08T07:30:00Z'),
          nature: 'fall',
          location: { district: 'Harbor' },
          units: [{ unitCode: 'B2' }, { unitCode: 'A4' }],
          responseMinutes: 12.5,
        }),
        incident({ _id: 1, dispatchedAt: new Date('2026-03-08T06:30:00Z') }),
      ],
      [
        { nature: 'cardiac', n: 1 },
        { nature: 'fall', n: 1 },
      ],
      WEEK,
      TZ,
      NOW,
    );
    expect(r.summary).toBe('2 dispatches; most often cardiac 1, fall 1. Median response 12.5 min.');
    expect(r.table?.rows).toEqual([
      [2, '2026-03-08 03:30', 'fall', 'Harbor', 'B2 A4', 12.5],
      [1, '2026-03-08 01:30', 'cardiac', 'North', 'A1', null],
    ]);
  });
});
