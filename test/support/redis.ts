import Redis from 'ioredis';
import { CLAIM_KEY } from './services/redis-service';
import { TEST_REDIS_URL } from './test-database';

// Atomic, so a parallel run never sees the database unclaimed between the flush and the new claim.
const FLUSH_KEEPING_CLAIM = `
local claim = redis.call('GET', KEYS[1])
redis.call('FLUSHDB')
if claim then redis.call('SET', KEYS[1], claim) end
return 1`;

/** Empties the test Redis database so jobs of an earlier run cannot leak into this one. */
export async function flushTestRedis(): Promise<void> {
  const client = new Redis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await client.connect();
    await client.eval(FLUSH_KEEPING_CLAIM, 1, CLAIM_KEY);
  } finally {
    client.disconnect();
  }
}
