/**
 * An injected clock for a real bot process (`node --import tsx --import ./test/e2e/clock.ts src/main.ts`):
 * Date.now, which the bot hands its jobs and commands as their clock, runs `offset` ms ahead of the real one,
 * the offset being read from the file named by HERS_TEST_CLOCK_FILE (a test moves time on by rewriting it).
 * `new Date()` and timers keep the real time.
 */
import { readFileSync } from 'node:fs';

const file = process.env.HERS_TEST_CLOCK_FILE;
if (file) {
  const real = Date.now.bind(Date);
  let offset = 0;
  const read = () => {
    try {
      offset = Number(readFileSync(file, 'utf8')) || 0;
    } catch {
      // the test has not written it yet: real time
    }
  };
  read();
  setInterval(read, 50).unref();
  Date.now = () => real() + offset;
}
