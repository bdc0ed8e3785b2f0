import type { Db as MongoDb } from 'mongodb';
import type { Config } from '../config.ts';
import type { Db } from '../data/queries.ts';

/** What a command may use: typed data access, the clock and the configuration. Never a Discord object. */
export interface Context {
  /** The primary MySQL: every write (audit, summary state) and any read that must see the latest writes. */
  sql: Db;
  /** Report and lookup queries: the read replicas when MYSQL_READ_URLS names any, otherwise the primary. */
  read: Db;
  /**
   * Patient lookups in Discord: `sql` and `read` on connections of their own, so a lookup, its rate limit
   * and its audit row never queue behind reports (src/runner/fair-share.ts). Absent: lookups take those above.
   */
  clinical?: { sql: Db; read: Db };
  mongo: MongoDb;
  config: Config;
  now(): number;
  /** Posting the daily summary on demand: only where the scheduled job runs (the Discord bot). */
  summary?: { postNow(date: string, force: boolean, actorId: string | undefined): Promise<string> };
  /** Reading a report as typed ("/er census window:24h"), for /subscribe: only where subscriptions run. */
  reports?: { parse(line: string): ParsedReport };
}

/** A report as typed, resolved and its options validated (a UserError says what is wrong with it). */
export interface ParsedReport {
  /** "/er census" */
  path: string;
  sensitivity: 'aggregate' | 'phi';
  capability: 'phi' | 'reports' | 'admin';
  /** Whether the answer is always private (then it may not go to a channel as it is). */
  alwaysPrivate: boolean;
}

/** An autocomplete suggestion or a fixed choice of an option: the text shown and the value sent. */
export interface Choice {
  name: string;
  value: string;
  /** The patient the choice names, if it names one: showing it discloses them, so the audit row lists it. */
  patientId?: number;
}
