import Redis from 'ioredis';
import { TEST_REDIS_URL } from './test-database';

/** Empties the test Redis database so jobs of an earlier run cannot leak into this one. */
export async function flushTestRedis(): Promise<void> {
  const client = new Redis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await client.connect();
    await client.flushdb();
  } finally {
    client.disconnect();
  }
}
