import { describe, expect, it } from 'vitest';
import {
  ageOn,
  lookupReport,
  type LookupPatient,
  type PatientRecord,
} from '../../../src/core/reports/patient-lookup.ts';

const TZ = 'America/New_York';
const NOW = Date.parse('2026-03-15T14:00:00Z');
const PATIENT: LookupPatient = {
  mrn: 'MRN1000042',
  first_name: 'Ann',
  last_name: 'Lee',
  date_of_birth: new Date('1980-03-16T00:00:00Z'),
  sex: 'female',
  phone: null,
};
const NOTHING: PatientRecord = {
  contacts: [],
  allergies: [],
  latest: undefined,
  lastVisit: undefined,
  prescriptions: [],
  appointments: [],
};
const visit = {
  arrived_at: new Date('2026-03-08T06:30:00Z'),
  condition_on_arrival: 'serious',
  triage_level: 2,
  reason: 'chest pain',
  departed_at: null,
  decision: null,
};
const valueOf = (rows: unknown[][] | undefined, field: string) =>
  rows?.filter((r) => r[0] === field).map((r) => r[1]);

describe('ageOn', () => {
  it('the day before a birthday, is a year less than on the birthday', () => {
    const dob = new Date('1980-03-16T00:00:00Z');
    expect(ageOn(dob, Date.parse('2026-03-15T23:59:00Z'))).toBe(45);
    expect(ageOn(dob, Date.parse('2026-03-16T00:00:00Z'))).toBe(46);
  });
});

describe('lookupReport', () => {
  it('with nothing on record, says so on every line and in the summary', () => {
    const r = lookupReport(PATIENT, NOTHING, TZ, NOW);
    expect(r.title).toBe('Ann Lee (MRN1000042)');
    expect(r.summary).toBe('Never treated in the ER.');
    expect(r.table?.rows).toEqual([
      ['MRN', 'MRN1000042'],
      ['born', '1980-03-16 (age 45)'],
      ['sex', 'female'],
      ['phone', 'not recorded'],
      ['contact', 'none recorded'],
      ['allergy', 'none recorded'],
      ['latest treatment', 'none (never treated in the ER)'],
      ['last ER visit', 'none'],
      ['prescription', 'no active prescriptions'],
      ['appointment', 'none upcoming'],
    ]);
    expect(r.footer).toBe('as of 2026-03-15 10:00 America/New_York');
  });

  it('with a full record, lists each contact, allergy, prescription and appointment in local time', () => {
    const r = lookupReport(
      { ...PATIENT, phone: '555-0100' },
      {
        contacts: [
          { name: 'Bo Lee', relationship: 'spouse', phone: '555-0101' },
          { name: 'Cy Lee', relationship: 'son', phone: '555-0102' },
        ],
        allergies: [{ substance: 'penicillin', reaction: 'rash', severity: 'moderate' }],
        // 03:30 local on the spring-forward day (02:00 does not exist): EDT, UTC-4.
        latest: {
          type: 'Oxygen Therapy',
          outcome: 'Stabilized',
          performed_at: new Date('2026-03-08T07:30:00Z'),
        },
        lastVisit: { ...visit, departed_at: new Date('2026-03-08T12:00:00Z'), decision: 'Discharge' },
        prescriptions: [
          {
            name: 'Aspirin',
            strength: '81 mg',
            form: 'tablet',
            dose: '1',
            frequency: 'daily',
            ends_on: null,
          },
          {
            name: 'Amoxicillin',
            strength: '500 mg',
            form: 'capsule',
            dose: '1',
            frequency: 'three times a day',
            ends_on: new Date('2026-03-20T00:00:00Z'),
          },
        ],
        appointments: [
          {
            starts_at: new Date('2026-03-17T13:30:00Z'),
            department: 'Cardiology',
            provider: 'Dr. Kim',
            reason: 'follow-up',
          },
        ],
      },
      TZ,
      NOW,
    );
    expect(r.summary).toBe('Latest ER treatment: Oxygen Therapy (Stabilized) on 2026-03-08 03:30.');
    expect(valueOf(r.table?.rows, 'phone')).toEqual(['555-0100']);
    expect(valueOf(r.table?.rows, 'contact')).toEqual(['Bo Lee (spouse) 555-0101', 'Cy Lee (son) 555-0102']);
    expect(valueOf(r.table?.rows, 'allergy')).toEqual(['penicillin: rash (moderate)']);
    expect(valueOf(r.table?.rows, 'latest treatment')).toEqual([
      'Oxygen Therapy, Stabilized, 2026-03-08 03:30',
    ]);
    expect(valueOf(r.table?.rows, 'last ER visit')).toEqual([
      '2026-03-08 01:30, chest pain, serious, ESI 2; Discharge',
    ]);
    expect(valueOf(r.table?.rows, 'prescription')).toEqual([
      'Aspirin 81 mg tablet: 1 daily',
      'Amoxicillin 500 mg capsule: 1 three times a day until 2026-03-20',
    ]);
    expect(valueOf(r.table?.rows, 'appointment')).toEqual([
      '2026-03-17 09:30 Cardiology with Dr. Kim (follow-up)',
    ]);
  });

  it('with a last visit still open, says the patient is still in the ER; departed without a decision adds nothing', () => {
    const open = lookupReport(PATIENT, { ...NOTHING, lastVisit: visit }, TZ, NOW);
    expect(valueOf(open.table?.rows, 'last ER visit')).toEqual([
      '2026-03-08 01:30, chest pain, serious, ESI 2; still in the ER',
    ]);
    const left = lookupReport(
      PATIENT,
      { ...NOTHING, lastVisit: { ...visit, departed_at: new Date('2026-03-08T09:00:00Z') } },
      TZ,
      NOW,
    );
    expect(valueOf(left.table?.rows, 'last ER visit')).toEqual([
      '2026-03-08 01:30, chest pain, serious, ESI 2',
    ]);
  });
});
