import { DiscordjsErrorCodes, Events } from 'discord.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { commands } from '../../commands/index.ts';
import type { Config } from '../config.ts';
import { UserError } from '../core/errors.ts';
import type { Logger } from '../log.ts';
import { deleteEndedRateLimits } from '../data/rate-limit.queries.ts';
import type { Context } from '../runner/command.ts';
import { createClient } from './client.ts';
import { createHandler } from './handler.ts';
import { Pager } from './pager.ts';
import { InteractionClaims } from './claims.ts';
import { startBotOps } from './ops.ts';

const PAGE_TTL_MS = 15 * 60_000;
/** How often the counts of ended rate limit windows are deleted. */
const RATE_SWEEP_MS = 5 * 60_000;
/** How long interactions in flight may take to finish at shutdown. */
const FINISH_MS = 8_000;

export interface RunningBot {
  /** The bot's own user id, once connected. */
  userId(): string | undefined;
  /** Interactions being answered now. */
  inFlight(): number;
  /** Stops taking interactions, lets the ones in flight finish (8 s at most) and disconnects. */
  stop(): Promise<void>;
}

export interface BotHooks {
  /** Called when Discord says the bot is connected. */
  onReady?: () => void;
  /** Added to the "connected" log line (what else this process runs). */
  readyFields?: Record<string, unknown>;
  /**
   * Discord closed the gateway for good (a revoked token, intents it does not allow): the bot cannot work
   * again without a change of configuration. Called once, with the words for the operator.
   */
  onFatal?: (err: UserError) => void;
}

/** Gateway close codes after which discord.js does not reconnect, and what the operator is to do. */
const FATAL_CLOSES: Readonly<Record<number, string>> = {
  4004: 'Discord refused DISCORD_TOKEN (gateway close 4004, authentication failed): the token was revoked or reset; put the current bot token in DISCORD_TOKEN and restart.',
  4010: 'Discord refused the shard (gateway close 4010, invalid shard).',
  4011: 'Discord requires sharding for this bot (gateway close 4011).',
  4012: 'Discord refused the gateway API version (gateway close 4012): upgrade hers-bot.',
  4013: 'Discord refused the intents (gateway close 4013, invalid intents): upgrade hers-bot.',
  4014: 'Discord refused the intents (gateway close 4014, disallowed intents): allow them for the bot in the Discord developer portal.',
};

/**
 * Connects the Discord bot and answers interactions with `ctx` (opened, and closed, by the caller; see
 * src/app.ts). Throws a UserError when Discord cannot be reached or refuses the token.
 */
export async function startBot(
  config: Config,
  log: Logger,
  ctx: Context,
  hooks: BotHooks = {},
): Promise<RunningBot> {
  const token = config.discord.token;
  if (!token) throw new UserError('misconfigured', 'DISCORD_TOKEN is not set.');
  const client = createClient(config);
  const ops = await startBotOps(config, client, ctx, log).catch((err: unknown) => {
    throw new UserError('misconfigured', (err as Error).message);
  });
  const inFlight = new Set<Promise<void>>();
  let accepting = true;
  const onStateError = (err: unknown) => log.warn({ err }, 'shared interaction state not reached');
  const pager = new Pager(ctx.sql, { ttlMs: PAGE_TTL_MS, limits: config.pages, onError: onStateError });
  const claims = new InteractionClaims(ctx.sql, { accepting: () => accepting, onError: onStateError });
  const handle = createHandler({
    commands,
    ctx,
    config,
    log,
    pager,
    claim: (id) => claims.claim(id),
    stillOurs: (id, ms) => claims.stillOurs(id, ms),
    accepting: () => accepting,
  });
  const sweep = setInterval(() => {
    deleteEndedRateLimits(ctx.sql).catch((err: unknown) =>
      log.warn({ err }, 'could not delete ended rate limit counts'),
    );
  }, RATE_SWEEP_MS);
  sweep.unref();

  client.on(Events.Error, (err) => log.error({ err }, 'discord client error'));
  let fatal = false;
  client.on(Events.ShardDisconnect, ({ code }) => {
    if (fatal) return;
    fatal = true;
    accepting = false;
    hooks.onFatal?.(
      new UserError(
        'misconfigured',
        FATAL_CLOSES[code] ?? `Discord closed the gateway for good (close code ${code}).`,
      ),
    );
  });
  client.on(Events.InteractionCreate, (interaction) => {
    // Deadlines are counted from here, the interaction's arrival, not from when the claim lands.
    const work = handle(interaction, performance.now()).finally(() => {
      inFlight.delete(work);
      ops.answered(interaction);
    });
    inFlight.add(work);
  });
  client.once(Events.ClientReady, (c) => {
    log.info(
      { user: c.user.tag, guilds: c.guilds.cache.size, ...hooks.readyFields },
      'hers-bot is connected to Discord',
    );
    hooks.onReady?.();
  });

  const release = async () => {
    clearInterval(sweep);
    pager.stop();
    claims.stop();
    await client.destroy();
    await ops.stop();
  };

  try {
    await client.login(token);
  } catch (err) {
    await release();
    const code = (err as { code?: unknown }).code;
    const status = (err as { status?: unknown }).status;
    if (code === DiscordjsErrorCodes.TokenInvalid || status === 401) {
      throw new UserError(
        'misconfigured',
        'Discord refused DISCORD_TOKEN (401 Unauthorized): check the bot token in the Discord developer portal.',
      );
    }
    throw new UserError('unavailable', `Could not connect to Discord: ${(err as Error).message}`);
  }

  return {
    userId: () => client.user?.id,
    inFlight: () => inFlight.size,
    async stop() {
      accepting = false;
      await Promise.race([Promise.allSettled([...inFlight]), sleep(FINISH_MS)]);
      await release();
    },
  };
}
