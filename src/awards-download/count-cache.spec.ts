import { CountCache } from './count-cache';

describe('CountCache', () => {
  const day1 = new Date('2026-01-01T00:00:00Z');
  const day2 = new Date('2026-01-02T00:00:00Z');

  it('answers a repeated count from memory until the data load date changes', async () => {
    const cache = new CountCache();
    const compute = jest.fn().mockResolvedValueOnce(5).mockResolvedValueOnce(7);
    expect(await cache.get('q', day1, compute)).toBe(5);
    expect(await cache.get('q', day1, compute)).toBe(5);
    expect(compute).toHaveBeenCalledTimes(1);
    expect(await cache.get('q', day2, compute)).toBe(7);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it('shares one computation between concurrent identical counts', async () => {
    const cache = new CountCache();
    let release: (value: number) => void = () => undefined;
    const compute = jest.fn(() => new Promise<number>((resolve) => (release = resolve)));
    const both = Promise.all([cache.get('q', day1, compute), cache.get('q', day1, compute)]);
    release(3);
    expect(await both).toEqual([3, 3]);
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it('forgets a failed count and drops the least recently used entry beyond its capacity', async () => {
    const cache = new CountCache(2);
    await expect(cache.get('bad', day1, () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.get('bad', day1, () => Promise.resolve(1))).toBe(1);
    await cache.get('a', day1, () => Promise.resolve(2));
    await cache.get('bad', day1, () => Promise.resolve(99)); // touched: now the most recent
    await cache.get('b', day1, () => Promise.resolve(3));
    expect(cache.size).toBe(2);
    expect(await cache.get('bad', day1, () => Promise.resolve(99))).toBe(1);
    expect(await cache.get('a', day1, () => Promise.resolve(20))).toBe(20);
  });
});
