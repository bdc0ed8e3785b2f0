import { setTimeout as sleep } from 'node:timers/promises';
import { commands } from '../../commands/index.ts';
import type { Config } from '../config.ts';
import { UserError } from '../core/errors.ts';
import { answerLines, EXIT, interactive, runLine } from '../console/session.ts';
import { openContext } from '../context.ts';
import { COMMAND_TIMEOUT_MS } from '../runner/execute.ts';
import { parseFlags, readConfig, runCli } from './run.ts';

const USAGE = 'npm run console [-- [--json | --csv] ("<command line>" | --stdin)]';

/** After a deadline, a pool may wait forever on the server that stopped answering: exit without it. */
const CLOSE_WAIT_MS = 1_000;

/** Opening the databases gets the same deadline as a command: a server that accepts and never answers. */
async function openWithin(config: Config, ms: number): ReturnType<typeof openContext> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new UserError(
            'unavailable',
            `The databases did not answer within ${ms / 1000} s (temporarily unavailable); try again shortly.`,
          ),
        ),
      ms,
    );
  });
  try {
    return await Promise.race([openContext(config), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

runCli(
  'console',
  USAGE,
  async () => {
    const { values, positionals } = parseFlags(
      process.argv.slice(2),
      {
        json: { type: 'boolean' },
        csv: { type: 'boolean' },
        stdin: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      true,
    );
    if (values.help) {
      console.log(
        `usage: ${USAGE}\nWithout a command line, opens an interactive session. --stdin answers the command lines read from standard input, one per line (lines naming patients stay out of the process list and the shell history). --json prints the reply as JSON; --csv prints an aggregate table as CSV.\nExit codes: 0 answered, 1 internal failure, 2 usage error, 3 databases unavailable (no answer within ${COMMAND_TIMEOUT_MS / 1000} s).`,
      );
      return;
    }
    if (values.json && values.csv) throw new UserError('invalid_argument', 'Choose one of --json and --csv.');
    if (values.stdin && positionals.length > 0)
      throw new UserError('invalid_argument', 'Give a command line or --stdin, not both.');
    const format = values.json ? 'json' : values.csv ? 'csv' : 'text';
    const config = readConfig();
    const { ctx, close } = await openWithin(config, COMMAND_TIMEOUT_MS);
    try {
      if (values.stdin) {
        process.exitCode = await answerLines(commands, ctx, format);
        return;
      }
      if (positionals.length === 0) {
        await interactive(commands, ctx);
        return;
      }
      const { out, code } = await runLine(positionals.join(' '), commands, ctx, format);
      (code === EXIT.answered ? process.stdout : process.stderr).write(`${out}\n`);
      process.exitCode = code;
    } finally {
      await Promise.race([close(), sleep(CLOSE_WAIT_MS)]);
    }
  },
  { unavailableExitCode: EXIT.unavailable },
);
