// Generated from sql/queries/alert-actions.sql by tools/sql-codegen.ts: do not edit. Change the .sql file, then run
// npm run db:codegen (test/integration/sql-codegen.test.ts fails while this file is out of date).
import { exec, execRows, many, type Db, type Statement } from '../queries.ts';

export const alertSettingsQuery: Statement = {
  name: 'AlertSettings',
  sql: `SELECT rule, threshold, clear_at, snoozed_until, changed_by, changed_at FROM alert_rule_setting ORDER BY rule`,
  params: [],
};

export interface AlertSettingsRow {
  rule: 'census' | 'waiting' | 'dispatch_surge';
  threshold: number | null;
  clear_at: number | null;
  snoozed_until: Date | null;
  changed_by: string;
  changed_at: Date;
}

export function alertSettings(db: Db): Promise<AlertSettingsRow[]> {
  return many<AlertSettingsRow>(db, alertSettingsQuery);
}

export const saveAlertThresholdQuery: Statement = {
  name: 'SaveAlertThreshold',
  sql: `INSERT INTO alert_rule_setting (rule, threshold, clear_at, changed_by, changed_at)
VALUES (?, ?, ?, ?, ?)
ON DUPLICATE KEY UPDATE threshold = VALUES(threshold), clear_at = VALUES(clear_at),
  changed_by = VALUES(changed_by), changed_at = VALUES(changed_at)`,
  params: ['rule', 'threshold', 'clearAt', 'changedBy', 'now'],
};

export interface SaveAlertThresholdArgs {
  rule: string;
  threshold: number | null;
  clearAt: number | null;
  changedBy: string;
  now: Date;
}

export function saveAlertThreshold(db: Db, args: SaveAlertThresholdArgs): Promise<void> {
  return exec(db, saveAlertThresholdQuery, args);
}

export const saveAlertSnoozeQuery: Statement = {
  name: 'SaveAlertSnooze',
  sql: `INSERT INTO alert_rule_setting (rule, snoozed_until, changed_by, changed_at)
VALUES (?, ?, ?, ?)
ON DUPLICATE KEY UPDATE snoozed_until = VALUES(snoozed_until), changed_by = VALUES(changed_by),
  changed_at = VALUES(changed_at)`,
  params: ['rule', 'snoozedUntil', 'changedBy', 'now'],
};

export interface SaveAlertSnoozeArgs {
  rule: string;
  snoozedUntil: Date | null;
  changedBy: string;
  now: Date;
}

export function saveAlertSnooze(db: Db, args: SaveAlertSnoozeArgs): Promise<void> {
  return exec(db, saveAlertSnoozeQuery, args);
}

export const insertAlertSettingChangeQuery: Statement = {
  name: 'InsertAlertSettingChange',
  sql: `INSERT INTO alert_setting_change (rule, what, old_value, new_value, changed_by, changed_at)
VALUES (?, ?, ?, ?, ?, ?)`,
  params: ['rule', 'what', 'oldValue', 'newValue', 'changedBy', 'now'],
};

export interface InsertAlertSettingChangeArgs {
  rule: string;
  what: string;
  oldValue: string;
  newValue: string;
  changedBy: string;
  now: Date;
}

export function insertAlertSettingChange(db: Db, args: InsertAlertSettingChangeArgs): Promise<void> {
  return exec(db, insertAlertSettingChangeQuery, args);
}

export const recentAlertSettingChangesQuery: Statement = {
  name: 'RecentAlertSettingChanges',
  sql: `SELECT rule, what, old_value, new_value, changed_by, changed_at FROM alert_setting_change
ORDER BY id DESC LIMIT 10`,
  params: [],
};

export interface RecentAlertSettingChangesRow {
  rule: 'census' | 'waiting' | 'dispatch_surge';
  what: 'threshold' | 'snooze';
  old_value: string;
  new_value: string;
  changed_by: string;
  changed_at: Date;
}

export function recentAlertSettingChanges(db: Db): Promise<RecentAlertSettingChangesRow[]> {
  return many<RecentAlertSettingChangesRow>(db, recentAlertSettingChangesQuery);
}

export const acknowledgeAlertPostQuery: Statement = {
  name: 'AcknowledgeAlertPost',
  sql: `UPDATE alert_post SET acknowledged_by = ?, acknowledged_name = ?, acknowledged_at = ?
WHERE id = ? AND kind = 'fired' AND acknowledged_by IS NULL`,
  params: ['userId', 'name', 'now', 'id'],
};

export interface AcknowledgeAlertPostArgs {
  userId: string | null;
  name: string | null;
  now: Date | null;
  id: number;
}

/**
 * The first member to acknowledge a fired post; 0 rows when someone was first.
 */
export function acknowledgeAlertPost(db: Db, args: AcknowledgeAlertPostArgs): Promise<number> {
  return execRows(db, acknowledgeAlertPostQuery, args);
}

export const escalationsDueQuery: Statement = {
  name: 'EscalationsDue',
  sql: `SELECT p.id, p.rule, p.seq, p.happened_at, p.measured, p.threshold, p.message_id
FROM alert_post p
WHERE p.channel_id = ? AND p.kind = 'fired' AND p.state = 'posted' AND p.acknowledged_at IS NULL
  AND p.resolved_at IS NULL AND p.happened_at <= ?
  AND NOT EXISTS (SELECT 1 FROM alert_post e
    WHERE e.channel_id = p.channel_id AND e.rule = p.rule AND e.seq = p.seq AND e.kind = 'escalated')
ORDER BY p.id`,
  params: ['channel', 'dueBefore'],
};

export interface EscalationsDueArgs {
  channel: string;
  dueBefore: Date;
}

export interface EscalationsDueRow {
  id: number;
  rule: 'census' | 'waiting' | 'dispatch_surge';
  seq: number;
  happened_at: Date;
  measured: number;
  threshold: number;
  message_id: string | null;
}

/**
 * Fired posts of the channel posted at or before :dueBefore that nobody acknowledged, whose episode goes on,
 * and that have no escalation yet.
 */
export function escalationsDue(db: Db, args: EscalationsDueArgs): Promise<EscalationsDueRow[]> {
  return many<EscalationsDueRow>(db, escalationsDueQuery, args);
}

export const resolutionsToShowQuery: Statement = {
  name: 'ResolutionsToShow',
  sql: `SELECT id, channel_id, rule, seq, kind, happened_at, fired_at, measured, threshold, state, claimed_by,
  claimed_at, posted_at, message_id, attempts, last_status, last_error, acknowledged_by, acknowledged_name,
  acknowledged_at, resolved_at
FROM alert_post
WHERE channel_id = ? AND kind = 'fired' AND state = 'posted' AND resolved_at IS NOT NULL
  AND resolution_shown_at IS NULL
ORDER BY id`,
  params: ['channel'],
};

export interface ResolutionsToShowArgs {
  channel: string;
}

export interface ResolutionsToShowRow {
  id: number;
  channel_id: string;
  rule: 'census' | 'waiting' | 'dispatch_surge';
  seq: number;
  kind: 'fired' | 'cleared' | 'escalated';
  happened_at: Date;
  fired_at: Date | null;
  measured: number;
  threshold: number;
  state: 'claimed' | 'posted' | 'failed' | 'superseded';
  claimed_by: string;
  claimed_at: Date;
  posted_at: Date | null;
  message_id: string | null;
  attempts: number;
  last_status: number | null;
  last_error: string | null;
  acknowledged_by: string | null;
  acknowledged_name: string | null;
  acknowledged_at: Date | null;
  resolved_at: Date | null;
}

/**
 * Fired posts whose episode is over and whose message does not say so yet, whole (as AlertPostById).
 */
export function resolutionsToShow(db: Db, args: ResolutionsToShowArgs): Promise<ResolutionsToShowRow[]> {
  return many<ResolutionsToShowRow>(db, resolutionsToShowQuery, args);
}

export const markResolutionShownQuery: Statement = {
  name: 'MarkResolutionShown',
  sql: `UPDATE alert_post SET resolution_shown_at = ? WHERE id = ? AND acknowledged_at <=> ?`,
  params: ['now', 'id', 'seenAck'],
};

export interface MarkResolutionShownArgs {
  now: Date | null;
  id: number;
  seenAck: Date | null;
}

/**
 * The edit showed the acknowledgement as it was read: when one came in meanwhile, the post is edited again.
 */
export function markResolutionShown(db: Db, args: MarkResolutionShownArgs): Promise<number> {
  return execRows(db, markResolutionShownQuery, args);
}
