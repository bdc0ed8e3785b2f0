import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError, loadConfig, processEnv, type Config } from '../config.ts';
import { UserError, isUserError } from '../core/errors.ts';

/**
 * Runs a command-line entry point. Every failure ends in one readable message on stderr and a non-zero
 * exit: 2 for bad usage or configuration, 1 for anything else. A stack trace is printed only with
 * LOG_LEVEL=debug, and never instead of the message.
 */
export function runCli(name: string, usage: string, main: () => Promise<void>): void {
  main().then(
    () => process.exit(process.exitCode ?? 0),
    (err: unknown) => {
      if (err instanceof ConfigError) {
        process.stderr.write(`${name}: ${err.message}\n`);
        process.exit(2);
      }
      if (isUserError(err)) {
        const hint = err.code === 'invalid_argument' ? `\nusage: ${usage}` : '';
        process.stderr.write(`${name}: ${err.message}${hint}\n`);
        process.exit(err.code === 'invalid_argument' || err.code === 'misconfigured' ? 2 : 1);
      }
      const message = err instanceof Error ? err.message : String(err);
      process.stderr.write(`${name}: unexpected error: ${message}\n`);
      if (processEnv().LOG_LEVEL === 'debug' && err instanceof Error && err.stack)
        process.stderr.write(`${err.stack}\n`);
      else process.stderr.write(`${name}: (set LOG_LEVEL=debug to see where it happened)\n`);
      process.exit(1);
    },
  );
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
