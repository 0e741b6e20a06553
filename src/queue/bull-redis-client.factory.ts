import Redis, { RedisOptions } from 'ioredis';

type BullClientType = 'client' | 'subscriber' | 'bclient';

// Bull's default waits up to 20 s between reconnection attempts after a long outage; a Redis that is back
// must be noticed within a couple of seconds so lost jobs are queued again quickly.
const reconnectDelay = (times: number): number => Math.min(250 * times, 2_000);

/**
 * The Redis connections of the download queue. The command connection gives up on a command after one
 * failed reconnection instead of holding it until Redis returns, so an enqueue, a health probe or a
 * recovery sweep fails fast during an outage; the blocking connections wait, as Bull requires.
 *
 * Bull does not close connections it did not create itself, so this keeps them and closes them after
 * the queue (otherwise every closed queue would leave its connections open).
 */
export class BullRedisConnections {
  private readonly clients = new Set<Redis>();

  readonly create = (type: BullClientType, options?: RedisOptions): Redis => {
    const shared: RedisOptions = { ...options, retryStrategy: reconnectDelay };
    const client =
      type === 'client'
        ? new Redis({ ...shared, maxRetriesPerRequest: 1 })
        : new Redis({ ...shared, maxRetriesPerRequest: null, enableReadyCheck: false });
    this.clients.add(client);
    return client;
  };

  closeAll(): void {
    for (const client of this.clients) client.disconnect();
    this.clients.clear();
  }
}
