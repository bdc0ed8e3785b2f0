import { spawn, type ChildProcess } from 'node:child_process';
import { IDS, type DiscordStandIn } from './standin.ts';

/** A real bot process (`src/main.ts`, the real discord.js client) talking to the loopback Discord. */
export interface Bot {
  proc: ChildProcess;
  logs: () => string;
  exited: Promise<number | null>;
}

/** The settings that point hers-bot at the stand-in (and log at info). */
export function standInEnv(discord: DiscordStandIn, token: string): Record<string, string> {
  return {
    DISCORD_TOKEN: token,
    DISCORD_APPLICATION_ID: IDS.application,
    DISCORD_GUILD_ID: IDS.guild,
    DISCORD_API_BASE: discord.apiBase,
    LOG_LEVEL: 'info',
  };
}

/**
 * Starts the bot as `npm start` would, with the test's databases (`dbEnv`) and the stand-in's address and
 * ids, plus `env` for what the file tests (roles, channels, ports). Waits until it says it is connected,
 * unless `waitReady` is false. `direct` runs it under node itself rather than the tsx wrapper process, so a
 * signal such as SIGKILL reaches the bot. With `clockFile`, the bot's clock is the injected one of
 * test/e2e/clock.ts, moved by writing that file.
 */
export async function launchBot(
  discord: DiscordStandIn,
  token: string,
  dbEnv: Record<string, string>,
  env: Record<string, string>,
  opts: { waitReady?: boolean; direct?: boolean; clockFile?: string } = {},
): Promise<Bot> {
  // The injected clock (test/e2e/clock.ts), when the test moves time itself.
  const clock = opts.clockFile ? ['--import', './test/e2e/clock.ts'] : [];
  const [command, args] = opts.direct
    ? [process.execPath, ['--import', 'tsx', ...clock, 'src/main.ts']]
    : ['node_modules/.bin/tsx', [...clock, 'src/main.ts']];
  const proc = spawn(command, args, {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      ...dbEnv,
      ...standInEnv(discord, token),
      ...(opts.clockFile ? { HERS_TEST_CLOCK_FILE: opts.clockFile } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let logs = '';
  proc.stdout?.on('data', (d: Buffer) => (logs += d.toString()));
  proc.stderr?.on('data', (d: Buffer) => (logs += d.toString()));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  if (opts.waitReady !== false)
    await discord.waitFor(
      () => logs.includes('hers-bot is connected to Discord') || undefined,
      30_000,
      `the bot to connect; logs:\n${logs}`,
    );
  return { proc, logs: () => logs, exited };
}

/** SIGTERM, then its exit code. */
export async function stopBot(bot: Bot): Promise<number | null> {
  if (bot.proc.exitCode === null) bot.proc.kill('SIGTERM');
  return bot.exited;
}
