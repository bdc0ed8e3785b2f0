import { PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { z } from 'zod';
import { recentAuditEvents } from '../src/data/audit.queries.ts';
import { resolvePatient } from '../src/data/patient.queries.ts';
import { UserError } from '../src/core/errors.ts';
import { addDays, localDate } from '../src/core/time.ts';
import { subcommand, type Command } from './shared/command.ts';
import { dateSchema } from './shared/options.ts';
import { footer, plural, when } from './shared/format.ts';

const data = new SlashCommandBuilder()
  .setName('admin')
  .setDescription('Administration: the audit trail and the daily summary post')
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .addSubcommand((s) =>
    s
      .setName('audit')
      .setDescription('Recent audit events, by user or by patient')
      .addUserOption((o) => o.setName('user').setDescription('Only events by this user'))
      .addStringOption((o) =>
        o
          .setName('patient')
          .setDescription('Only events that disclosed this patient (MRN or id)')
          .setMaxLength(100),
      )
      .addIntegerOption((o) =>
        o.setName('count').setDescription('How many (default 25)').setMinValue(1).setMaxValue(200),
      ),
  )
  .addSubcommand((s) =>
    s
      .setName('summary-now')
      .setDescription('Post the ER daily summary for a date to the summary channel now')
      .addStringOption((o) =>
        o
          .setName('date')
          .setDescription('Day, YYYY-MM-DD (default yesterday)')
          .setMinLength(10)
          .setMaxLength(10),
      )
      .addBooleanOption((o) =>
        o.setName('force').setDescription('Post again even if that day was posted already'),
      ),
  );

const audit = subcommand({
  sensitivity: 'phi',
  capability: 'admin',
  options: z.object({
    user: z
      .string()
      .regex(/^\d{17,20}$/, 'must be a Discord user')
      .optional(),
    patient: z.string().trim().min(1).max(100).optional(),
    count: z.number().int().min(1).max(200).optional(),
  }),
  async run(o, ctx) {
    const patient = o.patient === undefined ? undefined : await resolvePatient(ctx.sql, o.patient);
    const rows = await recentAuditEvents(ctx.sql, {
      actorId: o.user ?? null,
      patientId: patient?.id ?? null,
      limit: o.count ?? 25,
    });
    const ids = (r: (typeof rows)[number]) =>
      typeof r.patient_ids === 'string' ? (JSON.parse(r.patient_ids) as number[]) : (r.patient_ids ?? []);
    const scope = [o.user ? `by <@${o.user}>` : '', patient ? `disclosing ${patient.mrn}` : '']
      .filter(Boolean)
      .join(', ');
    return {
      title: `Audit trail${scope ? ` (${scope})` : ''}`,
      summary:
        rows.length === 0
          ? 'No audit events match.'
          : `The latest ${plural(rows.length, 'event')}, newest first.`,
      table: {
        columns: [
          { name: 'time' },
          { name: 'who' },
          { name: 'command' },
          { name: 'outcome' },
          { name: 'rows', align: 'right' },
          { name: 'patients', align: 'right' },
          { name: 'ms', align: 'right' },
        ],
        rows: rows.map((r) => [
          when(ctx, r.occurred_at),
          r.actor_id,
          r.command,
          r.outcome,
          r.row_count,
          ids(r).length,
          r.latency_ms,
        ]),
      },
      sensitivity: 'phi',
      footer: footer(ctx),
      patientIds: patient ? [patient.id] : [],
    };
  },
});

const RESULT: Record<string, string> = {
  posted: 'Posted.',
  'already posted': 'That day is posted already; use force:true to post it again.',
  recovered: 'It was posted already (found in the channel) and is now recorded.',
  busy: 'Another hers-bot instance is posting that day right now.',
  failed: 'Posting failed: see the audit trail and the logs for why.',
};

const summaryNow = subcommand({
  sensitivity: 'aggregate',
  capability: 'admin',
  alwaysPrivate: true,
  options: z.object({ date: dateSchema.optional(), force: z.boolean().optional() }),
  async run(o, ctx, actorId) {
    if (!ctx.summary)
      throw new UserError(
        'unavailable',
        'Posting the daily summary needs the Discord bot running with SUMMARY_CHANNEL_ID set.',
      );
    const tz = ctx.config.timeZone;
    const today = localDate(tz, ctx.now());
    const yesterday = addDays(today, -1);
    const date = o.date ?? yesterday;
    if (date >= today)
      throw new UserError(
        'invalid_option',
        `Option \`date\`: ${date} is not over yet; the latest day to post is ${yesterday}.`,
      );
    const result = await ctx.summary.postNow(date, o.force === true, actorId);
    return {
      title: `ER daily summary for ${date}`,
      summary: RESULT[result] ?? result,
      sensitivity: 'aggregate',
      footer: footer(ctx),
      patientIds: [],
    };
  },
});

export default { data, subcommands: { audit, 'summary-now': summaryNow } } satisfies Command;
