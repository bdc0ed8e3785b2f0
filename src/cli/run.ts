import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError, loadConfig, processEnv, type Config } from '../config.ts';
import { UserError, isUserError } from '../core/errors.ts';
import { sanitizeLines } from '../core/text.ts';

export interface CliOptions {
  /** The exit code when a server does not answer (a UserError coded `unavailable`); 1 unless a tool says. */
  unavailableExitCode?: number;
}

/**
 * Runs a command-line entry point. Every failure ends in one readable message on stderr and a non-zero
 * exit: 2 for bad usage or configuration, 1 for anything else (or the tool's own code for an unavailable
 * server). A stack trace is printed only with LOG_LEVEL=debug, and never instead of the message. Messages
 * may echo what was typed, so control characters are removed from them.
 */
export function runCli(name: string, usage: string, main: () => Promise<void>, opts: CliOptions = {}): void {
  const say = (text: string) => process.stderr.write(`${sanitizeLines(text)}\n`);
  // Settled as a promise: a main that throws before it awaits (reading the configuration) ends the same way.
  new Promise<void>((resolve) => resolve(main())).then(
    () => exit(process.exitCode === undefined ? 0 : Number(process.exitCode)),
    (err: unknown) => {
      if (err instanceof ConfigError) {
        say(`${name}: ${err.message}`);
        return exit(2);
      }
      if (isUserError(err)) {
        const hint = err.code === 'invalid_argument' ? `\nusage: ${usage}` : '';
        say(`${name}: ${err.message}${hint}`);
        if (err.code === 'unavailable') return exit(opts.unavailableExitCode ?? 1);
        return exit(err.code === 'invalid_argument' || err.code === 'misconfigured' ? 2 : 1);
      }
      const message = err instanceof Error ? err.message : String(err);
      say(`${name}: unexpected error: ${message}`);
      if (processEnv().LOG_LEVEL === 'debug' && err instanceof Error && err.stack) say(err.stack);
      else say(`${name}: (set LOG_LEVEL=debug to see where it happened)`);
      return exit(1);
    },
  );
}

/** Exits once stdout and stderr have flushed: writes to a pipe are asynchronous and exit() would cut them. */
function exit(code: number): void {
  let pending = 2;
  const done = () => {
    if (--pending === 0) process.exit(code);
  };
  process.stdout.write('', done);
  process.stderr.write('', done);
}

export function readConfig(): Config {
  return loadConfig(processEnv());
}

/** node:util parseArgs, strict, with its errors turned into one usage line. */
export function parseFlags<T extends ParseArgsConfig['options']>(
  argv: string[],
  options: T,
  allowPositionals = false,
) {
  // `--scale -1` would read as two flags; join a value that starts with a dash to its option.
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const next = argv[i + 1];
    const key = arg.startsWith('--') ? arg.slice(2) : undefined;
    if (key && options?.[key]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      args.push(`${arg}=${next}`);
      i++;
    } else args.push(arg);
  }
  try {
    return parseArgs({ args, options, strict: true, allowPositionals });
  } catch (err) {
    const message = (err as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    throw new UserError('invalid_argument', message);
  }
}
