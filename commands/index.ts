import ambulance from './ambulance.ts';
import appointments from './appointments.ts';
import er from './er.ts';
import meds from './meds.ts';
import patient from './patient.ts';
import type { Command } from './shared/command.ts';
import staff from './staff.ts';
import summary from './summary.ts';

/** Every slash command, listed explicitly (style.md rule 1), keyed by its name. */
export const commands: ReadonlyMap<string, Command> = new Map(
  [patient, er, staff, ambulance, appointments, meds, summary].map((c) => [c.data.name, c]),
);
