import { localDate } from '../../core/time.ts';
import type { Mapped } from './map.ts';
import { conceptText, refTo, type Ref } from './references.ts';
import type * as F from './schemas.ts';

export interface PrescriptionRow {
  patient: Ref;
  encounter: Ref | undefined;
  requester: Ref | undefined;
  medication: string;
  dose: string;
  frequency: string;
  startsOn: string;
  endsOn: string | null;
  status: 'active' | 'completed' | 'stopped';
}

const PRESCRIPTION_STATUS: Record<string, PrescriptionRow['status']> = {
  active: 'active',
  'on-hold': 'stopped',
  cancelled: 'stopped',
  stopped: 'stopped',
  completed: 'completed',
};

/** "1 per 1 d", "as needed": how often, from each instruction's timing. */
function frequencyOf(d: F.Dosage): string {
  const r = d.timing?.repeat;
  const parts: string[] = [];
  if (r?.frequency !== undefined && r.period !== undefined)
    parts.push(`${r.frequency} per ${r.period} ${r.periodUnit ?? ''}`.trim());
  else if (d.timing?.code) parts.push(conceptText(d.timing.code) ?? '');
  if (d.asNeededBoolean) parts.push('as needed');
  return parts.filter(Boolean).join(', ');
}

/** The dose is each instruction's text, whole; without text, its dose quantity. */
function doseOf(d: F.Dosage): string {
  if (d.text) return d.text;
  const q = d.doseAndRate?.find((x) => x.doseQuantity?.value !== undefined)?.doseQuantity;
  return q ? `${q.value}${q.unit ? ` ${q.unit}` : ''}` : '';
}

export function mapMedicationRequest(m: F.MedicationRequest, timeZone: string): Mapped<PrescriptionRow> {
  const status = PRESCRIPTION_STATUS[m.status];
  if (!status) return { skip: `MedicationRequest status ${m.status} is not a prescription` };
  const medication = conceptText(m.medicationCodeableConcept);
  if (!medication)
    return m.medicationReference
      ? {
          skip: 'MedicationRequest names its drug by medicationReference (Medication resources are not read)',
        }
      : { invalid: 'MedicationRequest has no medicationCodeableConcept' };
  if (medication.length > 255)
    return {
      invalid: `medication name is ${medication.length} characters, longer than the 255 the schema holds`,
    };
  const patient = refTo('Patient', m.subject);
  if (!patient) return { invalid: 'MedicationRequest.subject is not a reference to a Patient' };
  if (!m.authoredOn) return { invalid: 'MedicationRequest has no authoredOn (when it starts)' };
  const dosage = m.dosageInstruction ?? [];
  const end = m.dispenseRequest?.validityPeriod?.end;
  const startsOn = localDate(timeZone, Date.parse(m.authoredOn));
  const endsOn = end === undefined ? null : localDate(timeZone, Date.parse(end));
  return {
    row: {
      patient,
      encounter: refTo('Encounter', m.encounter),
      requester: refTo('Practitioner', m.requester),
      medication,
      dose: dosage.map(doseOf).filter(Boolean).join('; '),
      frequency: dosage.map(frequencyOf).filter(Boolean).join('; '),
      startsOn,
      endsOn: endsOn !== null && endsOn < startsOn ? startsOn : endsOn,
      status,
    },
  };
}

export interface AppointmentRow {
  patient: Ref;
  practitioner: Ref | undefined;
  location: Ref | undefined;
  startsAt: Date;
  endsAt: Date;
  status: 'scheduled' | 'checked_in' | 'completed' | 'cancelled' | 'no_show';
  reason: string;
}

const APPOINTMENT_STATUS: Record<string, AppointmentRow['status']> = {
  proposed: 'scheduled',
  pending: 'scheduled',
  booked: 'scheduled',
  arrived: 'checked_in',
  'checked-in': 'checked_in',
  fulfilled: 'completed',
  cancelled: 'cancelled',
  noshow: 'no_show',
};

export function mapAppointment(a: F.Appointment): Mapped<AppointmentRow> {
  const status = APPOINTMENT_STATUS[a.status];
  if (!status) return { skip: `Appointment status ${a.status} is not an appointment` };
  if (!a.start || !a.end) return { skip: 'Appointment has no start and end' };
  const startsAt = new Date(a.start);
  const endsAt = new Date(a.end);
  if (endsAt.getTime() <= startsAt.getTime()) return { invalid: 'Appointment end is not after its start' };
  const actors = a.participant.map((p) => p.actor);
  const first = (type: string) => actors.map((r) => refTo(type, r)).find((r) => r !== undefined);
  const patient = first('Patient');
  if (!patient) return { invalid: 'Appointment has no participant that is a Patient' };
  const reason = conceptText(a.reasonCode?.[0]) ?? a.description ?? conceptText(a.appointmentType) ?? '';
  return {
    row: {
      patient,
      practitioner: first('Practitioner'),
      location: first('Location'),
      startsAt,
      endsAt,
      status,
      reason: reason.slice(0, 255),
    },
  };
}
