import { Events, RESTEvents, Status, type Client, type Interaction } from 'discord.js';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { Context } from '../runner/command.ts';
import { startHttp, type HttpListener } from '../ops/http.ts';
import { ackSeconds, answerSeconds, gatewayReconnects } from '../ops/metrics.ts';
import { openIdSignIn } from '../web/oidc.ts';
import { createPages } from '../web/pages.ts';

/**
 * The bot's monitoring: interaction latencies and gateway reconnects for /metrics, and the HTTP listener
 * (HTTP_PORT) whose /readyz checks the Discord gateway, the primary MySQL and MongoDB.
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
  client.on(Events.ShardReconnecting, () => gatewayReconnects.inc());

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
          undefined,
          pages?.routes,
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
