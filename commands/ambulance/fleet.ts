import { requireAmbulanceRecords } from '#src/data/ambulance.queries.ts';
import { fleetReport } from '#src/core/reports/ambulance-fleet.ts';
import { fleet } from '#src/data/staff.queries.ts';
import { defineSubcommand } from '#src/runner/command.ts';

export default defineSubcommand({
  name: 'fleet',
  description: 'Units by type and status, their crews and current calls',
  sensitivity: 'aggregate',
  options: {},
  async run(_o, ctx) {
    await requireAmbulanceRecords(ctx.read, '/ambulance fleet');
    const now = ctx.now();
    return fleetReport(await fleet(ctx.read, new Date(now)), ctx.config.timeZone, now);
  },
});
