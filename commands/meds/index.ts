import { defineCommand } from '../../src/runner/command.ts';
import patient from './patient.ts';
import top from './top.ts';

export default defineCommand({
  name: 'meds',
  description: 'Medications and prescriptions',
  subcommands: [patient, top],
});
