import { DatabaseError } from 'pg';
import { PermanentJobError } from '../queue/download-queue';

export interface ClassifiedFailure {
  /** False when another attempt cannot help. */
  retryable: boolean;
  /** A sentence for the job's `message`; internals stay in the logs. */
  message: string;
}

// SQLSTATE classes that describe the query itself (syntax, undefined column, bad data): retrying is pointless.
const PERMANENT_SQLSTATE_CLASSES = new Set(['22', '42']);

export function classifyFailure(error: unknown): ClassifiedFailure {
  if (error instanceof PermanentJobError) return { retryable: false, message: error.message };
  if (error instanceof DatabaseError) {
    const sqlClass = (error.code ?? '').slice(0, 2);
    if (PERMANENT_SQLSTATE_CLASSES.has(sqlClass)) {
      return {
        retryable: false,
        message: 'The download could not be generated: its database query was rejected.',
      };
    }
    return {
      retryable: true,
      message: 'The download could not be generated: the database stopped answering.',
    };
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (
    typeof code === 'string' &&
    /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN)$/.test(code)
  ) {
    return {
      retryable: true,
      message: 'The download could not be generated: a backing service was unreachable.',
    };
  }
  return { retryable: true, message: 'The download could not be generated because of an internal error.' };
}
