import { PermanentJobError } from './download-queue';
import { InProcessDownloadQueue } from './in-process-download.queue';

describe('InProcessDownloadQueue', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('retries a failing job with a growing delay up to the attempt limit', async () => {
    const queue = new InProcessDownloadQueue();
    const attempts: number[] = [];
    queue.consume((_payload, info) => {
      attempts.push(info.attempt);
      return Promise.reject(new Error('down'));
    }, 1);
    await queue.enqueue(1);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(attempts).toEqual([1, 2, 3]);
    expect(await queue.isPending(1)).toBe(false);
  });

  it('never retries a permanent failure and runs no more jobs at once than its concurrency', async () => {
    const queue = new InProcessDownloadQueue();
    let running = 0;
    let peak = 0;
    const seen: number[] = [];
    queue.consume(async ({ downloadJobId }) => {
      running += 1;
      peak = Math.max(peak, running);
      seen.push(downloadJobId);
      await new Promise((resolve) => setTimeout(resolve, 10));
      running -= 1;
      if (downloadJobId === 2) throw new PermanentJobError('no');
    }, 2);
    for (const id of [1, 2, 3, 4]) await queue.enqueue(id);
    await queue.enqueue(4); // a duplicate while pending is ignored
    await jest.advanceTimersByTimeAsync(60_000);
    expect(seen.sort()).toEqual([1, 2, 3, 4]);
    expect(peak).toBe(2);
  });
});
