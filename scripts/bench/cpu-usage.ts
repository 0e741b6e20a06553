import { readFileSync } from 'node:fs';
import { Client } from 'pg';

/** Linux clock ticks per second (USER_HZ), what /proc/<pid>/stat counts CPU time in. */
const TICKS_PER_SECOND = 100;

/** User + system CPU seconds a live process has used so far (Linux /proc), NaN when unreadable. */
export function processCpuSeconds(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name in parentheses: state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return NaN;
  }
}

/**
 * CPU seconds of the PostgreSQL server processes serving connections named `applicationName`, sampled every
 * 100 ms while the work runs (a pooled connection may close before the end). PostgreSQL must run on this host.
 */
export class BackendCpu {
  private readonly seen = new Map<number, { first: number; last: number }>();
  private timer: NodeJS.Timeout | undefined;
  private sampling: Promise<void> = Promise.resolve();

  constructor(
    private readonly client: Client,
    private readonly applicationName: string,
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      this.sampling = this.sampling.then(() => this.sample()).catch(() => undefined);
    }, 100);
  }

  async stop(): Promise<number> {
    clearInterval(this.timer);
    await this.sampling;
    await this.sample();
    let total = 0;
    for (const { first, last } of this.seen.values()) total += last - first;
    return total;
  }

  private async sample(): Promise<void> {
    const { rows } = await this.client.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE application_name = $1',
      [this.applicationName],
    );
    for (const { pid } of rows) {
      const cpu = processCpuSeconds(pid);
      if (Number.isNaN(cpu)) continue;
      const entry = this.seen.get(pid);
      // A backend first seen mid-run has spent little before: its connection had just been opened.
      if (entry) entry.last = cpu;
      else this.seen.set(pid, { first: 0, last: cpu });
    }
  }
}
