import { footer, fullName, isoDay, when } from '../format.ts';
import type { Cell, ReplyBody } from '../reply.ts';

export interface LookupPatient {
  mrn: string;
  first_name: string;
  last_name: string;
  date_of_birth: Date;
  sex: string;
  phone: string | null;
}

/** Everything the lookup shows about one patient besides the patient row itself. */
export interface PatientRecord {
  contacts: readonly { name: string; relationship: string; phone: string }[];
  allergies: readonly {
    substance: string;
    severity: string | null;
    reaction: string;
    /** FHIR AllergyIntolerance.criticality, when imported. */
    criticality?: string | null;
  }[];
  latest: { type: string; performed_at: Date; outcome: string } | undefined;
  lastVisit:
    | {
        arrived_at: Date;
        condition_on_arrival: string | null;
        triage_level: number | null;
        reason: string;
        departed_at: Date | null;
        decision: string | null;
      }
    | undefined;
  /** Active today. */
  prescriptions: readonly {
    name: string;
    form: string;
    strength: string;
    dose: string;
    frequency: string;
    ends_on: Date | null;
  }[];
  /** The next few. */
  appointments: readonly { starts_at: Date; department: string; provider: string | null; reason: string }[];
}

/** Age in whole years at `at`; a date of birth is a calendar date, read in UTC. */
export function ageOn(dob: Date, at: number): number {
  const now = new Date(at);
  let age = now.getUTCFullYear() - dob.getUTCFullYear();
  const beforeBirthday =
    now.getUTCMonth() < dob.getUTCMonth() ||
    (now.getUTCMonth() === dob.getUTCMonth() && now.getUTCDate() < dob.getUTCDate());
  if (beforeBirthday) age--;
  return age;
}

/** One patient on one screen: contact, allergies, latest treatment, last visit, prescriptions, appointments. */
export function lookupReport(
  p: LookupPatient,
  record: PatientRecord,
  timeZone: string,
  now: number,
): ReplyBody {
  const { contacts, allergies, latest, lastVisit, prescriptions, appointments } = record;
  const rows: Cell[][] = [
    ['MRN', p.mrn],
    ['born', `${isoDay(p.date_of_birth)} (age ${ageOn(p.date_of_birth, now)})`],
    ['sex', p.sex],
    ['phone', p.phone ?? 'not recorded'],
    ...(contacts.length === 0
      ? [['contact', 'none recorded'] as Cell[]]
      : contacts.map((c) => ['contact', `${c.name} (${c.relationship}) ${c.phone}`])),
    ...(allergies.length === 0
      ? [['allergy', 'none recorded'] as Cell[]]
      : allergies.map((a) => ['allergy', allergyText(a)])),
    [
      'latest treatment',
      latest
        ? `${latest.type}, ${latest.outcome}, ${when(timeZone, latest.performed_at)}`
        : 'none (never treated in the ER)',
    ],
    [
      'last ER visit',
      lastVisit
        ? [
            when(timeZone, lastVisit.arrived_at),
            lastVisit.reason,
            lastVisit.condition_on_arrival,
            lastVisit.triage_level === null ? null : `ESI ${lastVisit.triage_level}`,
          ]
            .filter((x) => x !== null)
            .join(', ') +
          (lastVisit.decision ? `; ${lastVisit.decision}` : lastVisit.departed_at ? '' : '; still in the ER')
        : 'none',
    ],
    ...(prescriptions.length === 0
      ? [['prescription', 'no active prescriptions'] as Cell[]]
      : prescriptions.map((r) => [
          'prescription',
          `${[r.name, r.strength, r.form].filter(Boolean).join(' ')}: ${[r.dose, r.frequency].filter(Boolean).join(' ') || 'dose not recorded'}${r.ends_on ? ` until ${isoDay(r.ends_on)}` : ''}`,
        ])),
    ...(appointments.length === 0
      ? [['appointment', 'none upcoming'] as Cell[]]
      : appointments.map((a) => [
          'appointment',
          `${when(timeZone, a.starts_at)} ${a.department} with ${a.provider} (${a.reason})`,
        ])),
  ];
  return {
    title: `${fullName(p)} (${p.mrn})`,
    summary: latest
      ? `Latest ER treatment: ${latest.type} (${latest.outcome}) on ${when(timeZone, latest.performed_at)}.`
      : 'Never treated in the ER.',
    table: { columns: [{ name: 'field' }, { name: 'value', clinical: true }], rows },
    footer: footer(timeZone, now),
  };
}

/** Substance, reaction, and what is known of its severity and criticality (a feed may record neither). */
function allergyText(a: PatientRecord['allergies'][number]): string {
  const notes = [a.severity, a.criticality ? `criticality ${a.criticality}` : null].filter(Boolean);
  return `${a.substance}: ${a.reaction || 'reaction not recorded'}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`;
}
