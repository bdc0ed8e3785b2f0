import { commands } from '../commands/index.ts';
import type { Config } from './config.ts';
import { interactive, runLine } from './console/session.ts';
import { openContext } from './context.ts';
import { DISPATCH_INCIDENTS, ER_TREATMENTS } from './data/documents.ts';
import { dataOverview } from './data/overview.queries.ts';
import type { Logger } from './log.ts';
import { renderTablePages } from './render/table.ts';

/**
 * Starts hers-bot with a loaded configuration: the Discord bot when DISCORD_TOKEN is set, otherwise a
 * terminal session that answers the same commands. Both begin by saying what data they serve.
 */
export async function startApp(config: Config, log: Logger, out: (text: string) => void): Promise<void> {
  const { ctx, close } = await openContext(config);
  try {
    if (config.discord.token) {
      log.warn(
        'DISCORD_TOKEN is set, but this version has no Discord front end yet; opening the terminal session instead',
      );
    }
    const o = await dataOverview(ctx.sql);
    const [incidents, treatments] = await Promise.all([
      ctx.mongo.collection(DISPATCH_INCIDENTS).estimatedDocumentCount(),
      ctx.mongo.collection(ER_TREATMENTS).estimatedDocumentCount(),
    ]);
    const fmt = (d: Date | null) =>
      d
        ? d.toLocaleString('en-GB', { timeZone: config.timeZone, dateStyle: 'medium', timeStyle: 'short' })
        : 'none';
    const [table] = renderTablePages(
      {
        columns: [{ name: 'loaded' }, { name: 'count', align: 'right' }],
        rows: [
          ['patients', o.patients],
          ['active staff', o.active_staff],
          ['emergency calls', o.calls],
          ['ambulance dispatches', o.dispatches],
          ['ER visits', o.er_visits],
          ['ER treatments', o.er_treatments],
          ['appointments', o.appointments],
          ['prescriptions', o.prescriptions],
          ['Mongo dispatch_incidents', incidents],
          ['Mongo er_treatments', treatments],
        ],
      },
      { maxChars: Number.MAX_SAFE_INTEGER },
    );
    out(
      [
        `hers-bot: connected to MySQL (${config.mysql.database}) and MongoDB (${config.mongo.database}); time zone ${config.timeZone}`,
        '',
        table,
        `ER arrivals from ${fmt(o.first_arrival)} to ${fmt(o.last_arrival)}`,
        '',
        'For example, /er arrivals window:24h:',
        '',
        (await runLine('/er arrivals window:24h', commands, ctx, 'text')).out,
        '',
      ].join('\n'),
    );
    await interactive(commands, ctx);
  } finally {
    await close();
  }
}
