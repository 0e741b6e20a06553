import { DatabaseError } from 'pg';
import { isConnectionFailure, isDatabaseUnavailable } from '../common/outage.util';
import { PermanentJobError } from '../queue/download-queue';
import { DatabaseStallError, StorageFailureError } from './generation-errors';

export interface ClassifiedFailure {
  /** False when another attempt cannot help. */
  retryable: boolean;
  /** A sentence for the job's `message`; internals stay in the logs. */
  message: string;
}

// SQLSTATE classes that describe the query itself (syntax, undefined column, bad data): retrying is pointless.
const PERMANENT_SQLSTATE_CLASSES = new Set(['22', '42']);

const DATABASE_DOWN = 'The download could not be generated: the database stopped answering.';

export function classifyFailure(error: unknown): ClassifiedFailure {
  if (error instanceof PermanentJobError) return { retryable: false, message: error.message };
  if (error instanceof StorageFailureError || error instanceof DatabaseStallError) {
    return { retryable: true, message: error.message };
  }
  if (error instanceof DatabaseError) {
    const sqlClass = (error.code ?? '').slice(0, 2);
    if (PERMANENT_SQLSTATE_CLASSES.has(sqlClass)) {
      return {
        retryable: false,
        message: 'The download could not be generated: its database query was rejected.',
      };
    }
    return { retryable: true, message: DATABASE_DOWN };
  }
  if (isDatabaseUnavailable(error) && !isConnectionFailure(error))
    return { retryable: true, message: DATABASE_DOWN };
  if (isConnectionFailure(error)) {
    return {
      retryable: true,
      message: 'The download could not be generated: a backing service was unreachable.',
    };
  }
  return { retryable: true, message: 'The download could not be generated because of an internal error.' };
}
