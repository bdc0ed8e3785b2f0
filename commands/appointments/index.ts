import { defineCommand } from '#src/runner/command.ts';
import day from './day.ts';
import patient from './patient.ts';
import schedule from './schedule.ts';

export default defineCommand({
  name: 'appointments',
  description: 'Clinic appointments',
  subcommands: [day, schedule, patient],
});
