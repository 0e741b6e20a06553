export interface StallWatchdogOptions {
  timeoutMs: number;
  /** A number that changes whenever the watched work makes progress (bytes moved, for instance). */
  activity: () => number;
  /**
   * Called once the activity has not changed for `timeoutMs`. Resolves true when the work is alive after
   * all (the clock starts again), false when the callback has ended the work.
   */
  onStall: (idleMs: number) => Promise<boolean>;
}

/** Notices work that stopped moving: a stalled write, a frozen server, a connection that died silently. */
export class StallWatchdog {
  private timer: NodeJS.Timeout | undefined;
  private lastActivity = Number.NaN;
  private lastChange = Date.now();
  private checking = false;

  constructor(private readonly options: StallWatchdogOptions) {}

  start(): void {
    this.lastChange = Date.now();
    this.timer = setInterval(() => void this.check(), Math.max(50, Math.floor(this.options.timeoutMs / 5)));
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private async check(): Promise<void> {
    if (this.checking || !this.timer) return;
    const activity = this.options.activity();
    if (activity !== this.lastActivity) {
      this.lastActivity = activity;
      this.lastChange = Date.now();
      return;
    }
    const idleMs = Date.now() - this.lastChange;
    if (idleMs < this.options.timeoutMs) return;
    this.checking = true;
    try {
      if (await this.options.onStall(idleMs)) this.lastChange = Date.now();
      else this.stop();
    } finally {
      this.checking = false;
    }
  }
}
