import type { Config } from './config.ts';
import { UserError } from './core/errors.ts';
import { DAY_MS } from './core/time.ts';
import { arrivalsByCondition } from './data/er.queries.ts';
import { connectMongo } from './data/mongo.ts';
import { createPool, describeMysqlError } from './data/mysql.ts';
import { dataOverview, latestMigration } from './data/overview.queries.ts';
import { DISPATCH_INCIDENTS, ER_TREATMENTS } from './data/documents.ts';
import type { Logger } from './log.ts';
import { renderTextTable } from './render/text-table.ts';

/**
 * Starts hers-bot with a loaded configuration. The slash commands, the Discord front end and the terminal
 * session arrive with their issues; until then this checks both stores and prints what is loaded and one
 * sample answer (ER arrivals in the last 24 hours).
 */
export async function startApp(
  config: Config,
  log: Logger,
  out: (text: string) => void,
  now = Date.now(),
): Promise<void> {
  const pool = createPool(config.mysql.url, config.mysql.poolSize);
  const mongo = await connectMongo(config.mongo.uri);
  try {
    try {
      if ((await latestMigration(pool)) === null)
        throw new UserError(
          'misconfigured',
          'The database has no migrations applied: run npm run db:migrate.',
        );
    } catch (err) {
      throw describeMysqlError(err, config.mysql.url);
    }
    if (config.discord.token) {
      log.warn(
        'DISCORD_TOKEN is set, but this version has no Discord front end yet; showing the local overview instead',
      );
    }
    const o = await dataOverview(pool);
    const mdb = mongo.db(config.mongo.database);
    const [incidents, treatments] = await Promise.all([
      mdb.collection(DISPATCH_INCIDENTS).countDocuments(),
      mdb.collection(ER_TREATMENTS).countDocuments(),
    ]);
    const fmt = (d: Date | null) =>
      d
        ? d.toLocaleString('en-GB', { timeZone: config.timeZone, dateStyle: 'medium', timeStyle: 'short' })
        : 'none';
    out(
      [
        `hers-bot: connected to MySQL (${config.mysql.database}) and MongoDB (${config.mongo.database}); time zone ${config.timeZone}`,
        '',
        renderTextTable(
          [{ name: 'loaded' }, { name: 'count' }],
          [
            ['patients', Number(o.patients)],
            ['active staff', Number(o.active_staff)],
            ['emergency calls', Number(o.calls)],
            ['ambulance dispatches', Number(o.dispatches)],
            ['ER visits', Number(o.er_visits)],
            ['ER treatments', Number(o.er_treatments)],
            ['appointments', Number(o.appointments)],
            ['prescriptions', Number(o.prescriptions)],
            ['Mongo dispatch_incidents', incidents],
            ['Mongo er_treatments', treatments],
          ],
        ),
        `ER arrivals from ${fmt(o.first_arrival)} to ${fmt(o.last_arrival)}`,
        '',
      ].join('\n'),
    );

    const to = new Date(now);
    const from = new Date(now - DAY_MS);
    const rows = await arrivalsByCondition(pool, from, to);
    const total = rows.reduce((n, r) => n + r.arrivals, 0);
    out(
      [
        `Sample answer: ER arrivals in the last 24 hours by condition on arrival (${total.toLocaleString('en-US')} in all)`,
        '',
        rows.length === 0
          ? 'No ER arrivals in the last 24 hours.'
          : renderTextTable(
              ['condition', 'arrivals', 'ESI 1', 'ESI 2', 'ESI 3', 'ESI 4', 'ESI 5'].map((name) => ({
                name,
              })),
              rows.map((r) => [r.condition, r.arrivals, r.esi1, r.esi2, r.esi3, r.esi4, r.esi5]),
            ),
        '',
      ].join('\n'),
    );
  } finally {
    await pool.end();
    await mongo.close();
  }
}
