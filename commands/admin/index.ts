import { defineCommand } from '../../src/runner/command.ts';
import audit from './audit.ts';
import summaryNow from './summary-now.ts';

export default defineCommand({
  name: 'admin',
  description: 'Administration: the audit trail and the daily summary post',
  defaultMemberPermission: 'manage_guild',
  subcommands: [audit, summaryNow],
});
