import { isDatabaseUnavailable } from '../common/outage.util';

/** How long a job-row write keeps trying while PostgreSQL is unreachable. */
export const BOOKKEEPING_RETRY_MS = 2 * 60_000;

/**
 * Runs a write of the job table, trying again while the database is unavailable (never for a rejected
 * query). An attempt's outcome must reach its row: without this a failure during an outage would leave the
 * row `running` with nobody working on it until the recovery sweep noticed.
 */
export async function retryWhileDatabaseDown<T>(
  write: () => Promise<T>,
  {
    budgetMs = BOOKKEEPING_RETRY_MS,
    onRetry,
  }: { budgetMs?: number; onRetry?: (error: unknown) => void } = {},
): Promise<T> {
  const deadline = Date.now() + budgetMs;
  for (let pause = 250; ; pause = Math.min(pause * 2, 5_000)) {
    try {
      return await write();
    } catch (error) {
      if (!isDatabaseUnavailable(error) || Date.now() + pause > deadline) throw error;
      onRetry?.(error);
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
}
