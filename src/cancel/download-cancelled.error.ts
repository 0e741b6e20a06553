import { PermanentJobError } from '../queue/download-queue';
import { CANCELLED_MESSAGE } from './cancel-token.util';

/**
 * Ends an attempt whose job its requesters cancelled. Permanent, so the queue does not retry it; the job row
 * already says `failed` with the cancel message (written by the cancel route), which nothing overwrites.
 */
export class DownloadCancelledError extends PermanentJobError {
  constructor() {
    super(CANCELLED_MESSAGE);
    this.name = 'DownloadCancelledError';
  }
}
