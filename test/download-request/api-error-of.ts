import { ApiError, httpStatusOf } from '../../src/common/api-error';

/** What the client would see for a thrown ApiError: the HTTP status and the `detail` text. */
export interface ClientError {
  status: number;
  detail: string;
}

/** Runs `action` and returns the client-visible error it throws; fails the test if it throws none or a non-ApiError. */
export function apiErrorOf(action: () => unknown): ClientError {
  try {
    action();
  } catch (error) {
    if (error instanceof ApiError) return { status: httpStatusOf(error.code), detail: error.message };
    throw error;
  }
  throw new Error('expected an ApiError, but nothing was thrown');
}
