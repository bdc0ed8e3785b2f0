import { defineCommand } from '#src/runner/command.ts';
import onShift from './on-shift.ts';
import specialties from './specialties.ts';
import workload from './workload.ts';

export default defineCommand({
  name: 'staff',
  description: 'Staff: specialties, workload and who is on shift',
  subcommands: [specialties, workload, onShift],
});
