import { defineCommand } from '#src/runner/command.ts';
import fleet from './fleet.ts';

export default defineCommand({
  name: 'ambulance',
  description: 'The ambulance fleet',
  subcommands: [fleet],
});
