import { defineCommand } from '#src/runner/command.ts';
import alerts from './alerts/index.ts';
import audit from './audit.ts';
import summaryNow from './summary-now.ts';
import unlinkAccount from './unlink-account.ts';

export default defineCommand({
  name: 'admin',
  description: 'Administration: the audit trail, the daily summary post and the ER surge alerts',
  defaultMemberPermission: 'manage_guild',
  subcommands: [audit, summaryNow, alerts, unlinkAccount],
});
