import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * What hers-bot counts, for /metrics (Prometheus text format). One registry per process; the counters are
 * module-level so that any part can count without being handed them. Labels hold names and outcomes only,
 * never option values, patient identifiers or SQL.
 */
export const registry = new Registry();

// Process metrics: resident memory (process_resident_memory_bytes), CPU, heap, event loop lag.
collectDefaultMetrics({ register: registry });

/** Every audited use: commands, autocomplete, buttons, denials and scheduled posts, by what the trail records. */
export const commandsTotal = new Counter({
  name: 'hers_commands_total',
  help: 'Audited uses by command path (autocomplete, CSV and page buttons marked in the path) and outcome',
  labelNames: ['command', 'source', 'outcome'] as const,
  registers: [registry],
});

export const auditWriteFailures = new Counter({
  name: 'hers_audit_write_failures_total',
  help: 'Audit rows that could not be written',
  registers: [registry],
});

/** For the rate limiter: one per request it turns away. */
export const rateLimited = new Counter({
  name: 'hers_rate_limited_total',
  help: 'Requests refused by the rate limit, by command path',
  labelNames: ['command'] as const,
  registers: [registry],
});

/** Posts to channels: `kind` summary or alert, `outcome` ok or error (each attempt counts). */
export const postsTotal = new Counter({
  name: 'hers_posts_total',
  help: 'Summary, alert and subscription posts by outcome',
  labelNames: ['kind', 'outcome'] as const,
  registers: [registry],
});

export const gatewayReconnects = new Counter({
  name: 'hers_gateway_reconnects_total',
  help: 'Times the Discord gateway connection was lost and resumed or re-established',
  registers: [registry],
});

const LATENCY_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10, 15];

export const ackSeconds = new Histogram({
  name: 'hers_interaction_ack_seconds',
  help: 'From receiving an interaction to Discord accepting its first response (a deferral or the answer)',
  labelNames: ['type'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [registry],
});

export const answerSeconds = new Histogram({
  name: 'hers_interaction_answer_seconds',
  help: 'From receiving an interaction to its handling being finished (the answer sent)',
  labelNames: ['type'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [registry],
});

export const queryTime = new Histogram({
  name: 'hers_db_query_seconds',
  help: 'MySQL query time by query name (sql/queries), failures included',
  labelNames: ['query'] as const,
  buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [registry],
});

/** What a mysql2 pool holds; read from its internals when scraped, as mysql2 offers no public counts. */
export interface PoolUsage {
  inUse: number;
  idle: number;
  waiting: number;
}

const pools = new Map<string, () => PoolUsage>();

new Gauge({
  name: 'hers_mysql_pool_connections',
  help: 'MySQL pool connections by pool (primary) and state (in_use, idle, waiting for a connection)',
  labelNames: ['pool', 'state'] as const,
  registers: [registry],
  collect() {
    this.reset();
    for (const [pool, usage] of pools) {
      const u = usage();
      this.set({ pool, state: 'in_use' }, u.inUse);
      this.set({ pool, state: 'idle' }, u.idle);
      this.set({ pool, state: 'waiting' }, u.waiting);
    }
  },
});

/** Reports a pool's usage under `name` until the returned function is called. */
export function watchPool(name: string, usage: () => PoolUsage): () => void {
  pools.set(name, usage);
  return () => {
    if (pools.get(name) === usage) pools.delete(name);
  };
}

/** Times `work` as query `name`. */
export async function timeQuery<T>(name: string, work: () => Promise<T>): Promise<T> {
  const end = queryTime.startTimer({ query: name });
  try {
    return await work();
  } finally {
    end();
  }
}
