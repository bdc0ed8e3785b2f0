/**
 * Progress for long work: a redrawn bar on a terminal, a plain line at each quarter otherwise (CI logs).
 */
export function progressReporter(label: string, stream: NodeJS.WriteStream = process.stderr) {
  const tty = stream.isTTY === true;
  let lastQuarter = -1;
  let lastDraw = 0;
  return {
    update(done: number, total: number, what: string): void {
      const fraction = total === 0 ? 1 : Math.min(1, done / total);
      if (tty) {
        const now = Date.now();
        if (now - lastDraw < 80 && fraction < 1) return;
        lastDraw = now;
        const width = 30;
        const filled = Math.round(fraction * width);
        stream.write(
          `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}% ${what.padEnd(32).slice(0, 32)}`,
        );
      } else {
        const quarter = Math.floor(fraction * 4);
        if (quarter > lastQuarter) {
          lastQuarter = quarter;
          stream.write(`${label}: ${(fraction * 100).toFixed(0)}% (${what})\n`);
        }
      }
    },
    finish(): void {
      if (tty) stream.write('\n');
    },
  };
}
