import { commands } from '../commands/index.ts';
import type { Config } from './config.ts';
import { interactive, runLine } from './console/session.ts';
import { openContext } from './context.ts';
import { documentCounts } from './data/er.pipeline.ts';
import { dataOverview } from './data/overview.queries.ts';
import { renderTablePages } from './render/table.ts';
import { startBot } from './discord/bot.ts';
import { createLogger } from './log.ts';

/** hers-bot's main job: the Discord bot when DISCORD_TOKEN is set, otherwise the terminal session. */
export async function start(config: Config): Promise<void> {
  if (config.discord.token) await startBot(config, createLogger(config));
  else await startApp(config, (text) => console.log(text));
}

/**
 * The terminal session that `npm start` opens without DISCORD_TOKEN: it says what data it serves, shows one
 * sample answer, then answers the same commands staff would type in Discord.
 */
export async function startApp(config: Config, out: (text: string) => void): Promise<void> {
  const { ctx, close } = await openContext(config);
  try {
    const o = await dataOverview(ctx.read);
    const { dispatchIncidents: incidents, erTreatments: treatments } = await documentCounts(ctx.mongo);
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
