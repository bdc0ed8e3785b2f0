import { defineGroup } from '#src/runner/command.ts';
import set from './set.ts';
import show from './show.ts';
import snooze from './snooze.ts';

export default defineGroup({
  group: 'alerts',
  description: 'ER surge alerts: their state and changes, thresholds, snoozes',
  subcommands: [show, set, snooze],
});
