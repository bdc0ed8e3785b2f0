import { defineCommand } from '#src/runner/command.ts';
import patient from './patient.ts';
import top from './top.ts';
import ending from './ending.ts';

export default defineCommand({
  name: 'meds',
  description: 'Medications and prescriptions',
  subcommands: [patient, top, ending],
});
