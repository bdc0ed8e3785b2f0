import type { AlertMeasures } from '../core/alerts.ts';
import type { AlertPostState, AlertRule, AlertState, AlertTransition } from '../core/vocabulary.ts';
import { onOneConnection } from './audit-chain.ts';
import { exec, execRows, many, one, type Db } from './queries.ts';

const HOUR_MS = 3_600_000;

/** Every rule's measure at `now`: the ER census, urgent patients waiting, high-severity dispatches. */
export async function alertMeasures(db: Db, now: Date, waitMinutes: number): Promise<AlertMeasures> {
  const count = async (p: Promise<{ n: number } | undefined>) => Number((await p)?.n ?? 0);
  const [census, waiting, dispatchSurge] = await Promise.all([
    count(one<{ n: number }>(db, 'AlertCensus', { at: now })),
    count(
      one<{ n: number }>(db, 'AlertWaiting', {
        at: now,
        arrivedBy: new Date(now.getTime() - waitMinutes * 60_000),
      }),
    ),
    count(
      one<{ n: number }>(db, 'AlertHighDispatches', { at: now, from: new Date(now.getTime() - HOUR_MS) }),
    ),
  ]);
  return { census, waiting, dispatch_surge: dispatchSurge };
}

export interface AlertRuleStateRow {
  id: number;
  channel_id: string;
  rule: AlertRule;
  state: AlertState;
  version: number;
  transitions: number;
  clear_since: Date | null;
  measured: number | null;
  evaluated_at: Date | null;
  fired_at: Date | null;
  cleared_at: Date | null;
}

export const alertRuleStates = (db: Db, channel: string) =>
  many<AlertRuleStateRow>(db, 'AlertRuleStates', { channel });

/** Adds a rule's row, armed; false when another process added it first. */
export async function insertAlertRuleState(db: Db, channel: string, rule: AlertRule): Promise<boolean> {
  try {
    return (await execRows(db, 'InsertAlertRuleState', { channel, rule })) === 1;
  } catch (err) {
    if ((err as { code?: unknown }).code === 'ER_DUP_ENTRY') return false;
    throw err;
  }
}

export interface RuleUpdate {
  state: AlertState;
  transitions: number;
  clearSince: Date | null;
  measured: number;
  now: Date;
  firedAt: Date | null;
  clearedAt: Date | null;
}

/** The transition to claim with a rule update. */
export interface PostClaim {
  seq: number;
  kind: AlertTransition;
  happenedAt: Date;
  firedAt: Date | null;
  measured: number;
  threshold: number;
  instance: string;
}

/**
 * Moves a rule on from the row this process read and, with a transition, claims its post, in one
 * transaction. Returns the new post's id (0 without a transition), or undefined when another process
 * moved the rule on first (then that process posts).
 */
export function moveAlertRule(
  db: Db,
  seen: AlertRuleStateRow,
  update: RuleUpdate,
  claim: PostClaim | undefined,
): Promise<number | undefined> {
  return onOneConnection(db, async (conn) => {
    await conn.query('START TRANSACTION');
    try {
      const moved = await execRows(conn, 'UpdateAlertRuleState', {
        ...update,
        id: seen.id,
        seenVersion: seen.version,
      });
      if (moved !== 1) {
        await conn.query('ROLLBACK');
        return undefined;
      }
      let postId = 0;
      if (claim) {
        const { instance, ...post } = claim;
        await exec(conn, 'InsertAlertPost', {
          ...post,
          channel: seen.channel_id,
          rule: seen.rule,
          instance,
          now: update.now,
        });
        const row = await one<{ id: number }>(conn, 'AlertPostIdBySeq', {
          channel: seen.channel_id,
          rule: seen.rule,
          seq: claim.seq,
        });
        postId = Number(row?.id ?? 0);
      }
      await conn.query('COMMIT');
      return postId;
    } catch (err) {
      await conn.query('ROLLBACK').catch(() => undefined);
      throw err;
    }
  });
}

export interface AlertPostRow {
  id: number;
  channel_id: string;
  rule: AlertRule;
  seq: number;
  kind: AlertTransition;
  happened_at: Date;
  fired_at: Date | null;
  measured: number;
  threshold: number;
  state: AlertPostState;
  claimed_by: string;
  claimed_at: Date;
  posted_at: Date | null;
  message_id: string | null;
  attempts: number;
  last_status: number | null;
  last_error: string | null;
}

export const alertPostById = (db: Db, id: number) => one<AlertPostRow>(db, 'AlertPostById', { id });

export const staleAlertPosts = (db: Db, channel: string, staleBefore: Date) =>
  many<AlertPostRow>(db, 'StaleAlertPosts', { channel, staleBefore });

export const newerAlertPosted = async (db: Db, row: AlertPostRow) =>
  Number(
    (
      await one<{ n: number }>(db, 'NewerAlertPosted', {
        channel: row.channel_id,
        rule: row.rule,
        seq: row.seq,
      })
    )?.n ?? 0,
  ) > 0;

export const supersedeAlertPost = (db: Db, id: number, instance: string) =>
  execRows(db, 'SupersedeAlertPost', { id, instance });

export interface LastAlertPostRow {
  rule: AlertRule;
  kind: AlertTransition;
  state: AlertPostState;
  happened_at: Date;
  claimed_at: Date;
  posted_at: Date | null;
  last_status: number | null;
  last_error: string | null;
}

/** Each rule's latest post and latest failed post in a channel (one row when they are the same). */
export const lastAlertPosts = (db: Db, channel: string) =>
  many<LastAlertPostRow>(db, 'LastAlertPosts', { channel });
