import * as sql from './sql/alerts.generated.ts';
import type { AlertMeasures } from '../core/alerts.ts';
import type { AlertRule, AlertState, AlertTransition } from '../core/vocabulary.ts';
import { onOneConnection, type Db } from './queries.ts';

const HOUR_MS = 3_600_000;

/** Every rule's measure at `now`: the ER census, urgent patients waiting, high-severity dispatches. */
export async function alertMeasures(db: Db, now: Date, waitMinutes: number): Promise<AlertMeasures> {
  const count = async (p: Promise<{ n: number } | undefined>) => Number((await p)?.n ?? 0);
  const [census, waiting, dispatchSurge] = await Promise.all([
    count(sql.alertCensus(db, { at: now })),
    count(
      sql.alertWaiting(db, {
        at: now,
        arrivedBy: new Date(now.getTime() - waitMinutes * 60_000),
      }),
    ),
    count(sql.alertHighDispatches(db, { at: now, from: new Date(now.getTime() - HOUR_MS) })),
  ]);
  return { census, waiting, dispatch_surge: dispatchSurge };
}

export type AlertRuleStateRow = sql.AlertRuleStatesRow;

export const alertRuleStates = (db: Db, channel: string) => sql.alertRuleStates(db, { channel });

/** Adds a rule's row, armed; false when another process added it first. */
export async function insertAlertRuleState(db: Db, channel: string, rule: AlertRule): Promise<boolean> {
  try {
    return (await sql.insertAlertRuleState(db, { channel, rule })) === 1;
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
      const moved = await sql.updateAlertRuleState(conn, {
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
        const where = { channel: seen.channel_id, rule: seen.rule };
        await sql.insertAlertPost(conn, { ...post, ...where, instance, now: update.now });
        // The episode is over: its fired post is to be edited to say so.
        if (claim.kind === 'cleared')
          await sql.markAlertResolved(conn, { ...where, seq: claim.seq - 1, now: update.now });
        const row = await sql.alertPostIdBySeq(conn, { ...where, seq: claim.seq, kind: claim.kind });
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

export type AlertPostRow = sql.AlertPostByIdRow;

export const alertPostById = (db: Db, id: number) => sql.alertPostById(db, { id });

/** The fired post of the episode a post belongs to (the one an escalation or a clearing replies to). */
export const firedAlertPost = (db: Db, row: Pick<AlertPostRow, 'channel_id' | 'rule' | 'seq' | 'kind'>) =>
  sql.firedAlertPost(db, {
    channel: row.channel_id,
    rule: row.rule,
    seq: row.kind === 'cleared' ? row.seq - 1 : row.seq,
  });

/**
 * Claims the escalation of a fired post: its id, or undefined when another process claimed it first (the
 * unique key refuses a second one, also after a restart).
 */
export async function claimEscalation(
  db: Db,
  fired: { channel_id: string; rule: AlertRule; seq: number; happened_at: Date; threshold: number },
  measured: number,
  instance: string,
  now: Date,
): Promise<number | undefined> {
  const where = { channel: fired.channel_id, rule: fired.rule, seq: fired.seq };
  try {
    await sql.insertAlertPost(db, {
      ...where,
      kind: 'escalated',
      happenedAt: now,
      firedAt: fired.happened_at,
      measured,
      threshold: fired.threshold,
      instance,
      now,
    });
  } catch (err) {
    if ((err as { code?: unknown }).code === 'ER_DUP_ENTRY') return undefined;
    throw err;
  }
  const row = await sql.alertPostIdBySeq(db, { ...where, kind: 'escalated' });
  return row ? Number(row.id) : undefined;
}

export const staleAlertPosts = (db: Db, channel: string, staleBefore: Date) =>
  sql.staleAlertPosts(db, { channel, staleBefore });

export const newerAlertPosted = async (db: Db, row: AlertPostRow) =>
  Number(
    (
      await sql.newerAlertPosted(db, {
        channel: row.channel_id,
        rule: row.rule,
        seq: row.seq,
      })
    )?.n ?? 0,
  ) > 0;

export const supersedeAlertPost = (db: Db, id: number, instance: string) =>
  sql.supersedeAlertPost(db, { id, instance });

export type LastAlertPostRow = sql.LastAlertPostsRow;

/** Each rule's latest post and latest failed post in a channel (one row when they are the same). */
export const lastAlertPosts = (db: Db, channel: string) => sql.lastAlertPosts(db, { channel });
