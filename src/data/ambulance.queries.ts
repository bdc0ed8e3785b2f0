import { UserError } from '../core/errors.ts';
import type { Db } from './queries.ts';
import * as sql from './sql/ambulance.generated.ts';

/**
 * Commands built on ambulance records (dispatches, units, paramedic assessments) say so when the hospital has
 * none at all (its data came from a hospital feed such as a FHIR import), instead of an empty answer that
 * reads as "nothing happened".
 */
export async function requireAmbulanceRecords(db: Db, command: string): Promise<void> {
  const held = await sql.ambulanceRecordsHeld(db);
  if (Number(held?.dispatches) === 0 && Number(held?.units) === 0)
    throw new UserError(
      'empty_result',
      `${command} needs ambulance records, and this hospital's data holds none: no dispatches, units or ` +
        'paramedic assessments (data imported from a hospital feed, such as a FHIR export, carries none).',
    );
}
