import { describe, expect, it } from 'vitest';
import { symptomReport, type SymptomMatch } from '../../../src/core/reports/er-symptom.ts';

const TZ = 'America/New_York';
const NOW = Date.UTC(2026, 2, 15, 14, 0);
const MONTH = { label: 'last 30 days', phrase: 'in the last 30 days' };

describe('symptomReport', () => {
  it('with no match, says so and names no patient', () => {
    const r = symptomReport([], 'chest pain', MONTH, TZ, NOW);
    expect(r.title).toBe('People linked to "chest pain"');
    expect(r.summary).toBe('No assessment or call mentions "chest pain" in the last 30 days.');
    expect(r.table?.rows).toEqual([]);
    expect(r.table?.totalRows).toBe(0);
    expect(r.patientIds).toEqual([]);
  });

  it('cut at the cap, says how many are shown and names the patients shown, not the callers', () => {
    const rows: SymptomMatch[] = [
      {
        kind: 'patient',
        patient_id: 7,
        name: 'Ann Lee',
        phone: '555-0101',
        at: new Date(Date.UTC(2026, 2, 14, 3, 5)),
        matched: 'crushing chest pain',
        total: 5,
      },
      {
        kind: 'caller',
        patient_id: null,
        name: 'Bo Chen',
        phone: null,
        at: new Date(Date.UTC(2026, 2, 1, 12, 0)),
        matched: 'chest pain',
        total: 5,
      },
    ];
    const r = symptomReport(rows, 'chest pain', MONTH, TZ, NOW);
    expect(r.summary).toBe(
      '5 matches: patients whose paramedic assessment mentions it and callers reporting it (2 of 5 shown).',
    );
    expect(r.table?.rows).toEqual([
      ['2026-03-13 23:05', 'patient', 'Ann Lee', '555-0101', 'crushing chest pain'],
      ['2026-03-01 07:00', 'caller', 'Bo Chen', null, 'chest pain'],
    ]);
    expect(r.table?.totalRows).toBe(5);
    expect(r.patientIds).toEqual([7]);
  });
});
