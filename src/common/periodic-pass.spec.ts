import { PeriodicPass } from './periodic-pass';

describe('PeriodicPass', () => {
  it('shares the pass under way with a call that overlaps it, and runs a new one afterwards', async () => {
    let release: (value: number) => void = () => undefined;
    let runs = 0;
    const pass = new PeriodicPass(() => {
      runs += 1;
      return new Promise<number>((resolve) => (release = resolve));
    });
    const first = pass.run();
    const second = pass.run(() => Promise.resolve(99));
    release(7);
    expect(await Promise.all([first, second])).toEqual([7, 7]);
    expect(runs).toBe(1);
    expect(await pass.run(() => Promise.resolve(99))).toBe(99);
  });

  it('repeats on its timer until stopped, and stop() waits for the pass under way', async () => {
    jest.useFakeTimers();
    try {
      let runs = 0;
      const pass = new PeriodicPass(() => Promise.resolve((runs += 1)));
      pass.start(1_000);
      await jest.advanceTimersByTimeAsync(3_000);
      expect(runs).toBe(3);
      await expect(pass.stop()).resolves.toBeUndefined();
      await jest.advanceTimersByTimeAsync(3_000);
      expect(runs).toBe(3);
    } finally {
      jest.useRealTimers();
    }
  });
});
