import { DependencyUnavailableError } from '../common/dependency-unavailable.error';
import { errorChain, errorCode, isConnectionFailure } from '../common/outage.util';

/** File-system errors of a store that cannot take the file, as a reason a client can read. */
const FILE_SYSTEM_REASONS: Record<string, string> = {
  EACCES: 'the storage folder is not writable',
  EPERM: 'the storage folder is not writable',
  EROFS: 'the storage is read-only',
  ENOSPC: 'the storage is full',
  EDQUOT: 'the storage quota is used up',
  ENOTDIR: 'the storage folder is missing or is not a folder',
  ENOENT: 'the storage folder is missing',
  EIO: 'the storage device reported an input/output error',
  EMFILE: 'the storage has too many open files',
};

/** S3 answers name their error in PascalCase (AccessDenied, NoSuchBucket, SlowDown, ...). */
const S3_ERROR_CODE = /^[A-Z][a-z]+[A-Za-z]*$/;

/** Why a store failed, without addresses or paths (those stay in the logs). */
export function storageFailureReason(error: unknown): string {
  for (const link of errorChain(error)) {
    const code = errorCode(link) ?? '';
    if (FILE_SYSTEM_REASONS[code]) return FILE_SYSTEM_REASONS[code];
    if (S3_ERROR_CODE.test(code)) return `the storage server refused it (${code})`;
  }
  if (isConnectionFailure(error)) return 'the storage server could not be reached';
  return 'an unexpected storage error occurred';
}

/** Thrown by storage drivers for a store that cannot be reached or used right now (answered with 503). */
export class StorageUnavailableError extends DependencyUnavailableError {
  constructor(cause: unknown) {
    super('storage', `Storage is unavailable: ${storageFailureReason(cause)}`, { cause });
    this.name = 'StorageUnavailableError';
  }
}

/** True for failures of the store itself (not of a name that does not exist, not of a bug). */
export function isStorageOutage(error: unknown): boolean {
  if (isConnectionFailure(error)) return true;
  return errorChain(error).some((link) => {
    const code = errorCode(link) ?? '';
    return (
      (code !== 'ENOENT' && FILE_SYSTEM_REASONS[code] !== undefined) ||
      /^(SlowDown|ServiceUnavailable|InternalError|RequestTimeout)$/.test(code)
    );
  });
}
