import type { AllergySeverity as Severity, Decision } from '../../core/vocabulary.ts';
import { checkHeader, readHeader, type AdtEventCode, type Header } from './header.ts';
import { parseHl7Date, parseHl7Time } from './hl7-time.ts';
import {
  component,
  firstSegment,
  repetitions,
  segmentsNamed,
  value,
  type ParsedMessage,
  type Segment,
} from './parse.ts';
import { Rejection } from './rejection.ts';

/**
 * An ADT message reduced to what hers-bot uses. A property left undefined was not in the message (an
 * update leaves that column alone); PID-19 (SSN), driver's licence and every other field are never read.
 */
export interface AdtEvent {
  header: Header;
  event: AdtEventCode;
  /** EVN-6, else EVN-2, else MSH-7: when it happened; per field, the later event wins. */
  eventAt: number;
  patient: PatientFields;
  /** A40: MRG-1, the MRN of the patient merged into this one. */
  priorMrn?: string;
  visit?: VisitFields;
  allergies: { substance: string; severity: Severity | null; reaction: string }[];
  diagnoses: { code: string; description: string }[];
}

export interface PatientFields {
  mrn: string;
  firstName?: string;
  lastName?: string;
  dateOfBirth?: string;
  sex?: 'female' | 'male' | 'other' | 'unknown';
  phone?: string;
}

export interface VisitFields {
  /** PV1-19.4, the assigning authority, else the sender: visit numbers are unique within it. */
  authority: string;
  number: string;
  /** PV1-2: E is an emergency visit. */
  patientClass: string;
  arrivedAt?: number;
  departedAt?: number;
  reason?: string;
  /** PV1-36 as the product's decision; null for a code it does not map. */
  decision?: Decision | null;
}

export type { AllergySeverity as Severity, Decision } from '../../core/vocabulary.ts';

/**
 * HL7 table 0112 (discharge disposition, NUBC codes) to decisions; other codes record no decision. 07 is
 * "left against medical advice"; 02, 05, 43, 65 and 66 are transfers to another hospital (65: psychiatric).
 */
const DISPOSITIONS: Record<string, Decision> = {
  '01': 'Discharge',
  '06': 'Discharge',
  '07': 'Left against medical advice',
  '02': 'Transfer to a higher-level hospital',
  '05': 'Transfer to a higher-level hospital',
  '43': 'Transfer to a higher-level hospital',
  '65': 'Transfer to a higher-level hospital',
  '66': 'Transfer to a higher-level hospital',
  '09': 'Transfer to another department',
};
const SEVERITIES: Record<string, Severity> = { SV: 'severe', MO: 'moderate', MI: 'mild' };
const SEXES: Record<string, PatientFields['sex']> = {
  F: 'female',
  M: 'male',
  O: 'other',
  A: 'other',
  U: 'unknown',
};

/** Validates a parsed message and maps it; a Rejection names the first field at fault. */
export function toAdtEvent(m: ParsedMessage, timeZone: string): AdtEvent {
  const header = readHeader(m);
  const event = checkHeader(header);
  const time = (seg: Segment | undefined, n: number, name: string): number | undefined => {
    const text = value(m, seg, n);
    if (text === '') return undefined;
    const at = parseHl7Time(text, timeZone);
    if (at === undefined) throw new Rejection('AE', '102', name, 'is not an HL7 date and time');
    return at;
  };
  const evn = firstSegment(m, 'EVN');
  const msh = firstSegment(m, 'MSH');
  const eventAt = time(evn, 6, 'EVN-6') ?? time(evn, 2, 'EVN-2') ?? time(msh, 7, 'MSH-7');
  if (eventAt === undefined) throw new Rejection('AE', '101', 'EVN-2', 'is required (or EVN-6 or MSH-7)');

  const pid = firstSegment(m, 'PID');
  if (pid === undefined) throw new Rejection('AE', '100', 'PID', 'segment is required');
  const patient = patientFields(m, pid);
  const result: AdtEvent = { header, event, eventAt, patient, allergies: [], diagnoses: [] };

  if (event === 'A40') {
    const prior = mrnOf(m, firstSegment(m, 'MRG'), 1);
    if (prior === undefined) throw new Rejection('AE', '101', 'MRG-1', 'is required to merge patients');
    result.priorMrn = prior;
    return result;
  }
  const pv1 = firstSegment(m, 'PV1');
  const number = value(m, pv1, 19, 1);
  if (number === '' && event !== 'A08')
    throw new Rejection('AE', '101', 'PV1-19', 'is required (the visit number)');
  if (number !== '') {
    const authority = value(m, pv1, 19, 4) || header.sender;
    const disposition = value(m, pv1, 36);
    const pv2 = firstSegment(m, 'PV2');
    result.visit = {
      authority: limited(authority, 180, 'PV1-19'),
      number: limited(number, 64, 'PV1-19'),
      patientClass: value(m, pv1, 2),
      arrivedAt: time(pv1, 44, 'PV1-44'),
      departedAt: time(pv1, 45, 'PV1-45'),
      reason: optionalText(value(m, pv2, 3, 2) || value(m, pv2, 3, 1), 255, 'PV2-3'),
      decision: disposition === '' ? undefined : (DISPOSITIONS[disposition] ?? null),
    };
  }
  result.allergies = segmentsNamed(m, 'AL1').flatMap((al1) => {
    const substance = value(m, al1, 3, 2) || value(m, al1, 3, 1);
    if (substance === '') return [];
    const reactions = repetitions(m, al1, 5).map((r) => component(m, r, 1));
    return [
      {
        substance: limited(substance, 255, 'AL1-3'),
        severity: SEVERITIES[value(m, al1, 4, 1)] ?? null,
        reaction: reactions.filter((r) => r !== '').join('; '),
      },
    ];
  });
  result.diagnoses = segmentsNamed(m, 'DG1').flatMap((dg1) => {
    const code = value(m, dg1, 3, 1);
    if (code === '') return [];
    const description = value(m, dg1, 3, 2) || value(m, dg1, 4);
    return [{ code: limited(code, 20, 'DG1-3'), description: limited(description, 255, 'DG1-3') }];
  });
  return result;
}

function patientFields(m: ParsedMessage, pid: Segment): PatientFields {
  const mrn = mrnOf(m, pid, 3);
  if (mrn === undefined) throw new Rejection('AE', '101', 'PID-3', 'is required (the patient identifier)');
  const fields: PatientFields = { mrn };
  const name = repetitions(m, pid, 5)[0];
  if (name !== undefined) {
    fields.lastName = limited(component(m, name, 1), 100, 'PID-5');
    fields.firstName = limited(component(m, name, 2), 100, 'PID-5');
    if (fields.lastName === '') throw new Rejection('AE', '101', 'PID-5', 'must have a family name');
  }
  const dob = value(m, pid, 7);
  if (dob !== '') {
    fields.dateOfBirth = parseHl7Date(dob);
    if (fields.dateOfBirth === undefined)
      throw new Rejection('AE', '102', 'PID-7', 'is not a date (YYYYMMDD, 1900 to 2100)');
  }
  const sex = value(m, pid, 8);
  if (sex !== '') fields.sex = SEXES[sex] ?? 'unknown';
  const phone = repetitions(m, pid, 13)[0];
  if (phone !== undefined) {
    const text = component(m, phone, 1) || `${component(m, phone, 6)}${component(m, phone, 7)}`;
    if (text !== '') fields.phone = limited(text, 40, 'PID-13');
  }
  return fields;
}

/** The identifier typed MR in a CX field, else the first one. */
function mrnOf(m: ParsedMessage, seg: Segment | undefined, n: number): string | undefined {
  const ids = repetitions(m, seg, n).filter((r) => component(m, r, 1) !== '');
  const chosen = ids.find((r) => component(m, r, 5) === 'MR') ?? ids[0];
  if (chosen === undefined) return undefined;
  return limited(component(m, chosen, 1), 64, `${seg?.name ?? 'PID'}-${n}`);
}

/** Text is never cut: a value too long for its column refuses the message instead. */
function limited(text: string, max: number, field: string): string {
  if (text.length > max) throw new Rejection('AE', '102', field, `is longer than ${max} characters`);
  return text;
}

function optionalText(text: string, max: number, field: string): string | undefined {
  return text === '' ? undefined : limited(text, max, field);
}
