import type { z } from 'zod';
import * as map from './map.ts';
import { mapAppointment, mapMedicationRequest } from './map-orders.ts';
import * as F from './schemas.ts';
import { writeLocations, writePatients, writePractitioners, writeRoles, type Writer } from './write.ts';
import {
  writeAllergies,
  writeAppointments,
  writeConditions,
  writeEncounters,
  writePrescriptions,
} from './write-clinical.ts';

/** How one resource type is read: its schema, its mapping, and the batch writer of its rows. */
export interface Handler {
  schema: z.ZodType<{ id: string }>;
  map(resource: unknown, timeZone: string): map.Mapped<unknown>;
  write?: Writer<unknown>;
}

function handler<S extends z.ZodType<{ id: string }>, R>(
  schema: S,
  mapper: (resource: z.infer<S>, timeZone: string) => map.Mapped<R>,
  write?: Writer<R>,
): Handler {
  return {
    schema,
    map: (resource, timeZone) => mapper(resource as z.infer<S>, timeZone),
    ...(write ? { write: write as Writer<unknown> } : {}),
  };
}

/**
 * The types read, in the order they are imported: everything a resource refers to comes before it, so the
 * files of an export can be given in any order.
 */
export const HANDLERS = {
  Organization: handler(F.Organization, map.mapOrganization),
  Location: handler(F.Location, map.mapLocation, writeLocations),
  Practitioner: handler(F.Practitioner, map.mapPractitioner, writePractitioners),
  PractitionerRole: handler(F.PractitionerRole, map.mapPractitionerRole, writeRoles),
  Patient: handler(F.Patient, map.mapPatient, writePatients),
  Encounter: handler(F.Encounter, map.mapEncounter, writeEncounters),
  Condition: handler(F.Condition, map.mapCondition, writeConditions),
  AllergyIntolerance: handler(F.AllergyIntolerance, map.mapAllergy, writeAllergies),
  MedicationRequest: handler(F.MedicationRequest, mapMedicationRequest, writePrescriptions),
  Appointment: handler(F.Appointment, mapAppointment, writeAppointments),
} as const satisfies Record<string, Handler>;

export type UsedType = keyof typeof HANDLERS;
export const USED_TYPES = Object.keys(HANDLERS) as UsedType[];

export function isUsedType(type: string): type is UsedType {
  return Object.hasOwn(HANDLERS, type);
}
