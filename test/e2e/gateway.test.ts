import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/data/migrate.ts';
import { testDatabases } from '../support/databases.ts';
import { DiscordStandIn } from './standin.ts';
import { launchBot, stopBot, type Bot } from './bot.ts';

/**
 * The real bot process and what happens to its Discord gateway connection: a drop it resumes from, an
 * outage it cannot get past (seen by /healthz), and a revoked token (one clear line, then exit 2).
 */

const TOKEN = 'MTAwMDAwMDAwMDAwMDAwMDAx.Gx1234.standin-token-abcdefghijklmnopqrstuvwxyz0123';
const db = testDatabases('gateway');
const discord = new DiscordStandIn(TOKEN);
const bots: Bot[] = [];

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}

async function startBot(env: Record<string, string> = {}): Promise<Bot> {
  const bot = await launchBot(discord, TOKEN, db.env, env, { direct: true });
  bots.push(bot);
  return bot;
}

/** Polls `url` until it answers `status`; returns the body. */
async function untilStatus(url: string, status: number, what: string): Promise<string> {
  let last = 0;
  for (let n = 0; n < 300; n++) {
    const res = await fetch(url);
    last = res.status;
    if (res.status === status) return res.text();
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what}: /healthz still answered ${last}`);
}

const lines = (logs: string, pattern: RegExp) => logs.split('\n').filter((l) => pattern.test(l));

beforeAll(async () => {
  await migrate(db.mysqlUrl);
  await discord.start();
}, 120_000);

afterAll(async () => {
  await Promise.all(bots.map((b) => stopBot(b)));
  discord.refuseGateway = false;
  await discord.stop();
  await db.drop();
});

describe('the Discord gateway connection', () => {
  it('a dropped connection is logged and its resume too; /healthz turns 503 while Discord cannot be reached past the grace, and 200 once it can', async () => {
    const port = await freePort();
    const healthz = `http://127.0.0.1:${port}/healthz`;
    const bot = await startBot({ HTTP_PORT: String(port), HEALTH_GATEWAY_GRACE_SECONDS: '1' });
    expect(await untilStatus(healthz, 200, 'connected')).toBe('ok\n');

    discord.closeGateway(4000);
    await discord.waitFor(
      () => /Discord gateway resumed/.test(bot.logs()) || undefined,
      20_000,
      `the resume to be logged; logs:\n${bot.logs()}`,
    );
    expect(lines(bot.logs(), /Discord gateway connection dropped; reconnecting/)).toHaveLength(1);
    expect(lines(bot.logs(), /Discord gateway resumed/)).toHaveLength(1);

    // An outage: every new connection is turned away.
    discord.refuseGateway = true;
    discord.closeGateway(4000);
    expect(await untilStatus(healthz, 503, 'shut out of Discord')).toMatch(
      /^unhealthy: not connected to the Discord gateway for \d+ s\n$/,
    );
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(ready.status).toBe(503);

    discord.refuseGateway = false;
    expect(await untilStatus(healthz, 200, 'Discord back')).toBe('ok\n');
    expect(bot.proc.exitCode).toBeNull();
    expect(bot.logs()).not.toContain(TOKEN);
    expect(await stopBot(bot)).toBe(0);
  }, 90_000);

  it('a token revoked while running (gateway close 4004): one clear line naming DISCORD_TOKEN, then exit 2', async () => {
    const bot = await startBot();
    discord.acceptedToken = 'revoked';
    try {
      discord.closeGateway(4004, 'Authentication failed.');
      expect(await bot.exited).toBe(2);
    } finally {
      discord.acceptedToken = TOKEN;
    }
    const said = lines(bot.logs(), /4004|DISCORD_TOKEN/);
    expect(said).toEqual([
      'hers-bot: Discord refused DISCORD_TOKEN (gateway close 4004, authentication failed): the token was revoked or reset; put the current bot token in DISCORD_TOKEN and restart.',
    ]);
    expect(bot.logs()).not.toContain(TOKEN);
    expect(bot.logs()).not.toMatch(/"level":50|\n\s+at /);
  }, 60_000);
});
