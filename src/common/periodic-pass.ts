/**
 * A background pass repeated on a timer (sweeps, deliveries): one pass at a time — a call arriving while one
 * runs shares it — and stop() hands back the pass under way, so a module can wait for it before its pools
 * close. The timer does not keep the process alive.
 */
export class PeriodicPass<T> {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<T> | undefined;

  constructor(private readonly scheduled: () => Promise<T>) {}

  /** Runs the scheduled pass every `intervalMs` from now on. */
  start(intervalMs: number): void {
    this.timer = setInterval(() => void this.run(this.scheduled), intervalMs);
    this.timer.unref();
  }

  /** Runs `pass` unless one is under way, in which case its caller gets that one's outcome. */
  run(pass: () => Promise<T> = this.scheduled): Promise<T> {
    this.running ??= pass().finally(() => (this.running = undefined));
    return this.running;
  }

  /** No further passes; resolves when the one under way (if any) is over. */
  stop(): Promise<T | undefined> {
    clearInterval(this.timer);
    this.timer = undefined;
    return this.running ?? Promise.resolve(undefined);
  }
}
