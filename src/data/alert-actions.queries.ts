import type { AlertRule } from '../core/vocabulary.ts';
import { onOneConnection, type Db } from './queries.ts';
import * as sql from './sql/alert-actions.generated.ts';

/**
 * What people do with ER surge alerts: the rules' settings made from Discord and who changed them, the
 * first acknowledgement of a fired post, and the fired posts that are due an escalation or an edit.
 */

export type AlertSettingRow = sql.AlertSettingsRow;
export type AlertSettingChangeRow = sql.RecentAlertSettingChangesRow;

export const alertSettings = (db: Db) => sql.alertSettings(db);

/** The ten latest changes, newest first. */
export const recentAlertSettingChanges = (db: Db) => sql.recentAlertSettingChanges(db);

/** One change of a rule's settings, with the value before and after as people read them. */
export interface SettingChange {
  rule: AlertRule;
  changedBy: string;
  now: Date;
  oldValue: string;
  newValue: string;
}

/** Sets a rule's threshold and clear level (null: it clears below its threshold), with its change row. */
export function saveAlertThreshold(
  db: Db,
  change: SettingChange & { threshold: number; clearAt: number | null },
): Promise<void> {
  const { rule, threshold, clearAt, changedBy, now } = change;
  return inTransaction(db, async (conn) => {
    await sql.saveAlertThreshold(conn, { rule, threshold, clearAt, changedBy, now });
    await sql.insertAlertSettingChange(conn, changeRow(change, 'threshold'));
  });
}

/** Snoozes a rule until `snoozedUntil` (null ends a snooze), with its change row. */
export function saveAlertSnooze(
  db: Db,
  change: SettingChange & { snoozedUntil: Date | null },
): Promise<void> {
  const { rule, snoozedUntil, changedBy, now } = change;
  return inTransaction(db, async (conn) => {
    await sql.saveAlertSnooze(conn, { rule, snoozedUntil, changedBy, now });
    await sql.insertAlertSettingChange(conn, changeRow(change, 'snooze'));
  });
}

const changeRow = (c: SettingChange, what: 'threshold' | 'snooze') => ({
  rule: c.rule,
  what,
  oldValue: c.oldValue,
  newValue: c.newValue,
  changedBy: c.changedBy,
  now: c.now,
});

function inTransaction(db: Db, work: (conn: Db) => Promise<void>): Promise<void> {
  return onOneConnection(db, async (conn) => {
    await conn.query('START TRANSACTION');
    try {
      await work(conn);
      await conn.query('COMMIT');
    } catch (err) {
      await conn.query('ROLLBACK').catch(() => undefined);
      throw err;
    }
  });
}

/** Records the first acknowledgement of a fired post: false when someone acknowledged it first. */
export async function acknowledgeAlertPost(
  db: Db,
  id: number,
  member: { userId: string; name: string },
  now: Date,
): Promise<boolean> {
  return (await sql.acknowledgeAlertPost(db, { id, ...member, name: member.name.slice(0, 100), now })) === 1;
}

export type EscalationDueRow = sql.EscalationsDueRow;

/** Fired posts of the channel nobody acknowledged by `dueBefore`, still going on, with no escalation yet. */
export const escalationsDue = (db: Db, channel: string, dueBefore: Date) =>
  sql.escalationsDue(db, { channel, dueBefore });

/** The ids of fired posts whose episode is over and whose message does not say so yet. */
export const resolutionsToShow = (db: Db, channel: string) => sql.resolutionsToShow(db, { channel });

/** Records that a post's message says it resolved, as long as its acknowledgement is still what was shown. */
export const markResolutionShown = async (db: Db, id: number, seenAck: Date | null, now: Date) =>
  (await sql.markResolutionShown(db, { id, seenAck, now })) === 1;
