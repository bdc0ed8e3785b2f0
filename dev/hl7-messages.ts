/**
 * ADT messages for the worked example, the tests and the benchmark: each field is placed by its HL7
 * number, so a message reads like the spec instead of like a count of pipes.
 */

/** A segment from its fields by number: segment('PV1', { 2: 'E', 19: 'V1' }). */
export function segment(name: string, fields: Record<number, string>): string {
  const last = Math.max(0, ...Object.keys(fields).map(Number));
  const parts = [name];
  for (let n = 1; n <= last; n++) parts.push(fields[n] ?? '');
  return parts.join('|');
}

export interface AdtSpec {
  event: 'A01' | 'A02' | 'A03' | 'A04' | 'A08' | 'A11' | 'A13' | 'A40';
  controlId: string;
  /** EVN-2 and MSH-7, as an HL7 time (20261207083000-0500). */
  at: string;
  mrn: string;
  sender?: [string, string];
  family?: string;
  given?: string;
  birthDate?: string;
  sex?: string;
  phone?: string;
  visit?: string;
  patientClass?: string;
  arrival?: string;
  departure?: string;
  disposition?: string;
  complaint?: string;
  priorMrn?: string;
  allergies?: { substance: string; severity?: string; reaction?: string }[];
  diagnoses?: { code: string; text: string }[];
  version?: string;
}

export function adt(s: AdtSpec): string {
  const [app, facility] = s.sender ?? ['DEMO-EHR', 'GENERAL'];
  const segments = [
    // For MSH the numbers here are one less than HL7's: MSH-1 is the separator before MSH-2.
    segment('MSH', {
      1: '^~\\&',
      2: app,
      3: facility,
      4: 'HERS',
      5: 'ED',
      6: s.at,
      8: `ADT^${s.event}^ADT_A01`,
      9: s.controlId,
      10: 'P',
      11: s.version ?? '2.5.1',
    }),
    segment('EVN', { 1: s.event, 2: s.at }),
    segment('PID', {
      1: '1',
      3: `${s.mrn}^^^${facility}^MR`,
      5: s.family === undefined ? '' : `${s.family}^${s.given ?? ''}`,
      7: s.birthDate ?? '',
      8: s.sex ?? '',
      13: s.phone ?? '',
    }),
  ];
  if (s.priorMrn) segments.push(segment('MRG', { 1: `${s.priorMrn}^^^${facility}^MR` }));
  if (s.visit !== undefined) {
    segments.push(
      segment('PV1', {
        1: '1',
        2: s.patientClass ?? 'E',
        3: 'ED^01',
        19: `${s.visit}^^^${facility}^VN`,
        36: s.disposition ?? '',
        44: s.arrival ?? '',
        45: s.departure ?? '',
      }),
    );
    if (s.complaint) segments.push(segment('PV2', { 3: `^${s.complaint}` }));
  }
  for (const [i, a] of (s.allergies ?? []).entries())
    segments.push(
      segment('AL1', {
        1: String(i + 1),
        2: 'DA',
        3: `^${a.substance}`,
        4: a.severity ?? '',
        5: a.reaction ?? '',
      }),
    );
  for (const [i, d] of (s.diagnoses ?? []).entries())
    segments.push(segment('DG1', { 1: String(i + 1), 3: `${d.code}^${d.text}^I10` }));
  return segments.join('\r');
}

/** An instant as an HL7 time in UTC: 20261207133000+0000. */
export function hl7Time(ms: number): string {
  return `${new Date(ms).toISOString().replace(/[-:T]/g, '').slice(0, 14)}+0000`;
}
