import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { isProcessAlive } from '../common/process-alive';

const PREFIX = 'usaspending-spool-';
/** `usaspending-spool-<host>-<pid>-<mkdtemp's six characters>`. */
const NAME = /^usaspending-spool-(.*)-(\d+)-[A-Za-z0-9]{6}$/;
/** Host names may hold characters a file name should not; the owner test only needs them to be equal. */
const HOST = hostname().replace(/[^A-Za-z0-9.]/g, '_');

/** Spool folders of this process that a running download still uses. */
const inUse = new Set<string>();

/**
 * A temporary folder for the COPYs of one download running ahead (ParallelCopies). Its name carries the host
 * and process id, so that once that process is gone (killed mid-download, its cleanup never ran) the sweep of
 * abandoned files can tell the folder is nobody's.
 */
export async function createSpoolDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `${PREFIX}${HOST}-${process.pid}-`));
  inUse.add(dir);
  return dir;
}

export async function removeSpoolDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  inUse.delete(dir);
}

/**
 * Removes spool folders of this host whose process has ended, and this process's own ones no download uses
 * that are older than `minAgeMs` (younger ones may be between their creation and their registration).
 * Folders of other hosts (a temporary folder shared between containers) and of live processes are kept.
 * Resolves with how many it removed.
 */
export async function removeAbandonedSpoolDirs(minAgeMs: number): Promise<number> {
  let removed = 0;
  for (const name of await readdir(tmpdir())) {
    const owner = NAME.exec(name);
    if (!owner || owner[1] !== HOST) continue;
    const dir = join(tmpdir(), name);
    const pid = Number(owner[2]);
    if (pid === process.pid) {
      if (inUse.has(dir) || !(await olderThan(dir, minAgeMs))) continue;
    } else if (isProcessAlive(pid)) continue;
    await rm(dir, { recursive: true, force: true });
    removed++;
  }
  return removed;
}

async function olderThan(dir: string, ms: number): Promise<boolean> {
  const info = await stat(dir).catch(() => undefined);
  return info !== undefined && Date.now() - info.mtimeMs >= ms;
}
