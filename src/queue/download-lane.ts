/**
 * Two lanes, one Bull queue each, consumed by every worker: `regular` with WORKER_CONCURRENCY slots and
 * `fast` with FAST_LANE_CONCURRENCY slots of its own. A download the planner expects to be small goes to
 * the fast lane, so it never waits behind long ones, however many workers there are and whatever they run.
 */
export type DownloadLane = 'regular' | 'fast';

export const DOWNLOAD_LANES: readonly DownloadLane[] = ['regular', 'fast'];

/** Bull queue name of the fast lane (the regular lane keeps the service's original queue name). */
export const FAST_DOWNLOAD_QUEUE = 'downloads-fast';
