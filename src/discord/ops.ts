import { Events, RESTEvents, Status, type Client, type Interaction } from 'discord.js';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { Context } from '../runner/command.ts';
import { startHttp, type HttpListener } from '../ops/http.ts';
import { ackSeconds, answerSeconds, gatewayReconnects } from '../ops/metrics.ts';
import { openIdSignIn } from '../web/oidc.ts';
import { createPages } from '../web/pages.ts';

/**
 * The bot's monitoring: interaction latencies and gateway reconnects for /metrics, a log line for every
 * gateway drop and recovery, and the HTTP listener (HTTP_PORT) whose /readyz checks the Discord gateway,
 * the primary MySQL and MongoDB, and whose /healthz fails once the gateway has been down past its grace.
 */
export interface BotOps {
  /** Call when an interaction's handling is over: observes its answer latency. */
  answered(i: Interaction): void;
  listener: HttpListener | undefined;
  stop(): Promise<void>;
}

type Kind = 'command' | 'autocomplete' | 'button' | 'other';

function kindOf(i: Interaction): Kind {
  if (i.isChatInputCommand()) return 'command';
  if (i.isAutocomplete()) return 'autocomplete';
  if (i.isButton()) return 'button';
  return 'other';
}

/** Call before the interaction handler is attached, so that receipt is timed before any work. */
export async function startBotOps(
  config: Config,
  client: Client,
  ctx: Context,
  log: Logger,
): Promise<BotOps> {
  const received = new Map<string, { at: number; kind: Kind; acked: boolean }>();
  client.on(Events.InteractionCreate, (i) => {
    received.set(i.id, { at: performance.now(), kind: kindOf(i), acked: false });
  });
  // The first interaction callback Discord accepts (a deferral, or the answer itself) is the acknowledgement.
  client.rest.on(RESTEvents.Response, (request, response) => {
    const id = /\/interactions\/(\d+)\//.exec(request.path)?.[1];
    const r = id === undefined ? undefined : received.get(id);
    if (!r || r.acked || response.status >= 400) return;
    r.acked = true;
    ackSeconds.observe({ type: r.kind }, (performance.now() - r.at) / 1000);
  });
  const gateway = watchGateway(client, log, Date.now);

  const delivery = config.phiDelivery;
  const pages =
    delivery.mode === 'link'
      ? createPages({
          sql: ctx.sql,
          settings: delivery,
          signIn: openIdSignIn(delivery.oidc),
          log,
          now: Date.now,
        })
      : undefined;

  const listener =
    config.http.port === undefined
      ? undefined
      : await startHttp(
          { host: config.http.host, port: config.http.port },
          {
            discord: async () => {
              const shards = [...client.ws.shards.values()];
              if (!client.isReady() || shards.length === 0 || shards.some((s) => s.status !== Status.Ready))
                throw new Error('gateway not connected');
            },
            mysql: async () => {
              await ctx.sql.query('SELECT 1');
            },
            mongo: async () => {
              await ctx.mongo.command({ ping: 1 });
            },
          },
          { alive: () => gateway.unhealthy(config.http.gatewayGraceMs), routes: pages?.routes },
        );
  if (listener)
    log.info(
      { url: listener.url },
      pages
        ? 'serving /healthz, /readyz, /metrics and the patient pages'
        : 'serving /healthz, /readyz and /metrics',
    );

  return {
    answered(i) {
      const r = received.get(i.id);
      if (!r) return;
      received.delete(i.id);
      answerSeconds.observe({ type: r.kind }, (performance.now() - r.at) / 1000);
    },
    listener,
    stop: async () => {
      pages?.stop();
      await listener?.close();
    },
  };
}

/**
 * Follows the gateway connection: every drop and every recovery is logged (the shard and the close code, no
 * token), and `unhealthy(graceMs)` says why the bot cannot reach Discord once it has not been connected for
 * longer than `graceMs`, counted from start or from the drop.
 */
function watchGateway(client: Client, log: Logger, now: () => number) {
  let downSince: number | undefined = now();
  const up = () => {
    downSince = undefined;
  };
  const down = () => {
    downSince ??= now();
  };
  client.on(Events.ShardReady, up);
  client.on(Events.ShardResume, (shard, replayed) => {
    up();
    log.info({ shard, replayed }, 'Discord gateway resumed');
  });
  client.on(Events.ShardReconnecting, (shard) => {
    down();
    gatewayReconnects.inc();
    log.warn({ shard }, 'Discord gateway connection dropped; reconnecting');
  });
  // Closed for good (a refused token...): src/discord/bot.ts says why, once, and the process ends.
  client.on(Events.ShardDisconnect, down);
  return {
    unhealthy(graceMs: number): string | undefined {
      if (downSince === undefined) return undefined;
      const seconds = Math.floor((now() - downSince) / 1_000);
      return now() - downSince > graceMs
        ? `not connected to the Discord gateway for ${seconds} s`
        : undefined;
    },
  };
}
