import { MongoClient, type Db, type IndexDescription } from 'mongodb';
import { UserError } from '../core/errors.ts';
import { DISPATCH_INCIDENTS, ER_TREATMENTS } from './documents.ts';
import { ER_TREATMENT_FIRSTS } from './er.buckets.ts';

export async function connectMongo(uri: string): Promise<MongoClient> {
  const client = new MongoClient(uri, {
    serverSelectionTimeoutMS: 5_000,
    connectTimeoutMS: 5_000,
    appName: 'hers-bot',
  });
  try {
    await client.connect();
    await client.db('admin').command({ ping: 1 });
    return client;
  } catch (err) {
    await client.close().catch(() => undefined);
    throw describeMongoError(err, uri);
  }
}

export function describeMongoError(err: unknown, uri: string): unknown {
  const name = (err as { name?: unknown } | null)?.name;
  if (
    name === 'MongoServerSelectionError' ||
    name === 'MongoNetworkError' ||
    name === 'MongoNetworkTimeoutError'
  ) {
    return new UserError(
      'unavailable',
      `Cannot reach MongoDB at ${redactMongoUri(uri)}: no server answered within 5 s. Is it running? (npm run services -- up starts the local one.)`,
    );
  }
  if (name === 'MongoParseError')
    return new UserError('misconfigured', 'MONGODB_URI is not a valid MongoDB connection string.');
  return err;
}

function redactMongoUri(uri: string): string {
  return uri.replace(/\/\/([^@/]*)@/, '//***@');
}

/**
 * Indexes besides `_id` (which every collection has), by collection. The report pipelines read the bucket
 * collections of er.buckets.ts by `_id`; the raw collections keep indexes for range queries on MongoDB.
 */
export const MONGO_INDEXES: Record<string, IndexDescription[]> = {
  [DISPATCH_INCIDENTS]: [
    { key: { dispatchedAt: 1 }, name: 'dispatchedAt' },
    { key: { severity: 1, dispatchedAt: 1 }, name: 'severity_dispatchedAt' },
    { key: { patientIds: 1 }, name: 'patientIds' },
  ],
  [ER_TREATMENTS]: [
    { key: { performedAt: 1 }, name: 'performedAt' },
    { key: { type: 1, performedAt: 1 }, name: 'type_performedAt' },
    { key: { patientId: 1, performedAt: 1 }, name: 'patientId_performedAt' },
  ],
  [ER_TREATMENT_FIRSTS]: [],
};

/** Creates the collections and their indexes if missing; safe to run any number of times. */
export async function ensureMongoSchema(db: Db): Promise<{ created: string[] }> {
  const existing = new Set((await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name));
  const created: string[] = [];
  for (const [name, indexes] of Object.entries(MONGO_INDEXES)) {
    if (!existing.has(name)) {
      await db.createCollection(name);
      created.push(name);
    }
    // Only the missing ones: FerretDB 1.24 drops the connection when asked for indexes that exist.
    const have = new Set(existing.has(name) ? (await db.collection(name).indexes()).map((i) => i.name) : []);
    const missing = indexes.filter((i) => !have.has(i.name));
    if (missing.length > 0) await db.collection(name).createIndexes(missing);
  }
  return { created };
}
