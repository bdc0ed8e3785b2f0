import { UserError } from '../core/errors.ts';
import { describeChain, verifyAuditChain } from '../data/audit-chain.ts';
import { connect, describeMysqlError } from '../data/mysql.ts';
import { parseFlags, readConfig, runCli } from './run.ts';

/** Breaks listed one per line; the summary line counts them all. */
const SHOWN = 20;

const USAGE = 'npm run audit:verify [-- --head HASH]';
const HELP = `usage: ${USAGE}

Walks the audit trail's hash chain and prints "intact: N rows, head <hash>" (exit 0), or a summary
and every broken link, one "id X (kind): what is wrong" line each, the first ${SHOWN} of them (exit 1). Record the head hash somewhere the database's
administrators cannot change: removing the newest rows can only be proven against it.
  --head HASH   a head printed by an earlier run; the chain must still contain it`;

runCli('audit:verify', USAGE, async () => {
  const { values } = parseFlags(process.argv.slice(2), {
    head: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  if (values.head !== undefined && !/^[0-9a-f]{64}$/i.test(values.head))
    throw new UserError('invalid_argument', '--head must be a hash printed by audit:verify (64 hex digits)');
  const config = readConfig();
  const conn = await connect(config.mysql.url);
  try {
    const report = await verifyAuditChain(conn, { knownHead: values.head });
    console.log(describeChain(report));
    if (!report.intact) {
      for (const b of report.breaks.slice(0, SHOWN)) console.log(`  id ${b.id} (${b.kind}): ${b.problem}`);
      if (report.breakCount > SHOWN) console.log(`  … and ${report.breakCount - SHOWN} more`);
      process.exitCode = 1;
    }
  } catch (err) {
    throw describeMysqlError(err, config.mysql.url);
  } finally {
    await conn.end().catch(() => undefined);
  }
});
