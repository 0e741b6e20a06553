import { PermanentJobError, RetryLaterError } from './download-queue';
import { InProcessDownloadQueue } from './in-process-download.queue';

describe('InProcessDownloadQueue', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('delivers again after the delay the handler asks for, until it stops asking', async () => {
    const queue = new InProcessDownloadQueue();
    const deliveries: [number, number][] = [];
    queue.consume((_payload, info) => {
      deliveries.push([info.delivery, Date.now()]);
      if (info.delivery < 3) return Promise.reject(new RetryLaterError('later', 5_000));
      return Promise.reject(new PermanentJobError('enough'));
    }, 1);
    const start = Date.now();
    await queue.enqueue(1);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(deliveries.map(([delivery]) => delivery)).toEqual([1, 2, 3]);
    expect(deliveries.map(([, at]) => at - start)).toEqual([0, 5_000, 10_000]);
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

  it('runs a fast-lane job in its own slot while the regular slot is busy', async () => {
    const queue = new InProcessDownloadQueue();
    const started: number[] = [];
    queue.consume(async ({ downloadJobId }) => {
      started.push(downloadJobId);
      await new Promise((resolve) => setTimeout(resolve, downloadJobId === 1 ? 10_000 : 10));
    }, 1);
    await queue.enqueue(1);
    await queue.enqueue(2);
    await queue.enqueue(3, 'fast');
    await jest.advanceTimersByTimeAsync(100);
    expect(started).toEqual([1, 3]);
    await jest.advanceTimersByTimeAsync(10_000);
    expect(started).toEqual([1, 3, 2]);
  });

  it('takes no new delivery once stopped, while the running one finishes', async () => {
    const queue = new InProcessDownloadQueue();
    const seen: number[] = [];
    queue.consume(async ({ downloadJobId }) => {
      seen.push(downloadJobId);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }, 1);
    await queue.enqueue(1);
    await queue.enqueue(2);
    await queue.stopConsuming();
    await jest.advanceTimersByTimeAsync(1_000);
    expect(seen).toEqual([1]);
  });
});
