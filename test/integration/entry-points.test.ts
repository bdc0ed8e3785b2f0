import { describe, expect, it } from 'vitest';
import { runScript } from '../support/spawn.ts';

/**
 * The bot's own entry point (`npm run dev`, and `npm start` through tools/launch.mjs, which runs the same
 * module) with configuration it cannot use: the message `register` and the other tools give, not a stack.
 */
describe('src/main.ts with bad configuration', () => {
  it('with a cron that never fires and a small-cell threshold of 2, names both keys and exits 2', async () => {
    const r = await runScript('src/main.ts', [], {
      NODE_ENV: 'test',
      SUMMARY_CRON: '0 7 30 2 *',
      SUMMARY_MIN_CELL: '2',
    });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      [
        'hers-bot: Configuration is invalid (2 problems):',
        '  - SUMMARY_CRON never fires: none of its months has that day of the month (such as 30 February)',
        '  - SUMMARY_MIN_CELL must be 0 (no suppression) or at least 3',
        '',
      ].join('\n'),
    );
  });

  it('through tools/launch.mjs (npm start without a build runs the sources), says the same and exits 2', async () => {
    const r = await runScript('tools/launch.mjs', ['src/main.ts'], {
      NODE_ENV: 'test',
      SUMMARY_CRON: 'every morning',
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'hers-bot: Configuration is invalid (1 problem):\n  - SUMMARY_CRON must be a five-field cron expression with numbers, such as "0 7 * * *"\n',
    );
  });
});
