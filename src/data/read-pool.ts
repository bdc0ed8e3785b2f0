import mysql from 'mysql2/promise';
import type { FieldPacket, PoolConnection, QueryOptions, QueryResult, QueryValues } from 'mysql2/promise';
import {
  CONNECTION_SETTINGS,
  PIN_SQL_MODE,
  PIN_TIME_ZONE,
  serverVersionOf,
  statementLimit,
  type Pool,
} from './mysql.ts';

/**
 * Where report and lookup queries go: the read replicas of MYSQL_READ_URLS in turn (mysql2's PoolCluster,
 * round robin), or the primary when there are none. A replica that cannot be reached is left out for
 * `retryMs` and then tried again; a query no replica can take runs on the primary, so reads keep working
 * while every replica is down. Writes never come here: they take the primary pool itself.
 */
export interface ReadPool {
  query: Pool['query'];
  /** Which replicas are left out at the moment (for logs and /readyz). */
  offline(): string[];
  end(): Promise<void>;
}

/** Errors that mean the replica, not the query, is the problem: the query is worth running on the primary. */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST',
  'ER_CON_COUNT_ERROR',
  'POOL_NONEONLINE',
  'POOL_NOEXIST',
  'POOL_CLOSED',
]);

export interface ReadPoolOptions {
  /** Stops any one statement after this long on the server, as the primary's pool does. */
  statementTimeoutMs?: number;
  /** Connections per replica. */
  size: number;
  retryMs: number;
  /** Told when a replica is left out or back, with its node name (replica1, replica2, ...). */
  onChange?: (node: string, state: 'offline' | 'online') => void;
}

export function createReadPool(
  primary: Pool,
  replicaUrls: readonly string[],
  opts: ReadPoolOptions,
): ReadPool {
  if (replicaUrls.length === 0)
    return { query: primary.query.bind(primary) as Pool['query'], offline: () => [], end: async () => {} };

  const cluster = mysql.createPoolCluster({
    canRetry: true,
    // One failed connection takes a replica out until retryMs has passed.
    removeNodeErrorCount: 1,
    restoreNodeTimeout: opts.retryMs,
    defaultSelector: 'RR',
  });
  const nodes = replicaUrls.map((uri, i) => {
    const node = `replica${i + 1}`;
    cluster.add(node, { uri, connectionLimit: opts.size, connectTimeout: 2_000, ...CONNECTION_SETTINGS });
    return node;
  });
  const down = new Set<string>();
  cluster.on('offline', (node: string) => {
    down.add(node);
    opts.onChange?.(node, 'offline');
  });
  cluster.on('online', (node: string) => {
    down.delete(node);
    opts.onChange?.(node, 'online');
  });

  // The cluster's pools do not announce new connections, so each session is pinned on first use as the
  // primary's are: sql_mode, UTC, and the statement time limit.
  const pinned = new WeakSet<object>();

  async function onReplica<T extends QueryResult>(
    sql: string | QueryOptions,
    values: QueryValues | undefined,
  ): Promise<[T, FieldPacket[]]> {
    const conn: PoolConnection = await cluster.getConnection('replica*');
    try {
      if (!pinned.has(conn.connection)) {
        const limit =
          opts.statementTimeoutMs === undefined
            ? ''
            : `, ${statementLimit(serverVersionOf(conn.connection), opts.statementTimeoutMs)}`;
        await conn.query(`${PIN_SQL_MODE}${limit}`);
        await conn.query(PIN_TIME_ZONE);
        pinned.add(conn.connection);
      }
      const result =
        typeof sql === 'string' ? await conn.query<T>(sql, values) : await conn.query<T>(sql, values);
      conn.release();
      return result;
    } catch (err) {
      if (unreachable(err)) conn.destroy();
      else conn.release();
      throw err;
    }
  }

  async function query<T extends QueryResult>(
    sql: string | QueryOptions,
    values?: QueryValues,
  ): Promise<[T, FieldPacket[]]> {
    try {
      return await onReplica<T>(sql, values);
    } catch (err) {
      if (!unreachable(err)) throw err;
      return typeof sql === 'string' ? primary.query<T>(sql, values) : primary.query<T>(sql, values);
    }
  }

  return {
    query: query as Pool['query'],
    offline: () => nodes.filter((n) => down.has(n)),
    end: () => cluster.end(),
  };
}

function unreachable(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && UNREACHABLE.has(code);
}
