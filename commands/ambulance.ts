import { SlashCommandBuilder } from 'discord.js';
import { z } from 'zod';
import { fleet } from '../src/data/staff.queries.ts';
import { subcommand, type Command } from './shared/command.ts';
import { footer, plural, when } from './shared/format.ts';

const data = new SlashCommandBuilder()
  .setName('ambulance')
  .setDescription('The ambulance fleet')
  .addSubcommand((s) =>
    s.setName('fleet').setDescription('Units by type and status, their crews and current calls'),
  );

const fleetCmd = subcommand({
  sensitivity: 'aggregate',
  options: z.object({}),
  async run(_o, ctx) {
    const units = await fleet(ctx.sql, new Date(ctx.now()));
    const countBy = (key: 'type' | 'status') =>
      [...units.reduce((m, u) => m.set(u[key], (m.get(u[key]) ?? 0) + 1), new Map<string, number>())]
        .map(([k, n]) => `${n} ${k.replace('_', ' ')}`)
        .join(', ');
    return {
      title: 'Ambulance fleet',
      summary:
        units.length === 0
          ? 'No ambulances on record.'
          : `${plural(units.length, 'unit')}: ${countBy('type')}; ${countBy('status')}.`,
      table: {
        columns: [
          { name: 'unit' },
          { name: 'type' },
          { name: 'status' },
          { name: 'crew' },
          { name: 'current call' },
        ],
        rows: units.map((u) => [
          u.unit_code,
          u.type,
          u.status.replace('_', ' '),
          u.crew,
          u.dispatch_id
            ? `${u.severity} ${u.nature} since ${when(ctx, u.assigned_at)} (dispatch ${u.dispatch_id})`
            : '-',
        ]),
      },
      sensitivity: 'aggregate',
      footer: footer(ctx),
      patientIds: [],
    };
  },
});

export default { data, subcommands: { fleet: fleetCmd } } satisfies Command;
