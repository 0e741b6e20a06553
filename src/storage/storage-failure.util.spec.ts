import { isStorageOutage, storageFailureReason } from './storage-failure.util';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('storageFailureReason', () => {
  it.each([
    [
      withCode('EACCES', "EACCES: permission denied, open '/srv/csv_downloads/.x.partial'"),
      'the storage folder is not writable',
    ],
    [withCode('EPERM'), 'the storage folder is not writable'],
    [withCode('ENOSPC'), 'the storage is full'],
    [withCode('EROFS'), 'the storage is read-only'],
    [
      withCode('ECONNREFUSED', 'connect ECONNREFUSED 10.1.2.3:9000'),
      'the storage server could not be reached',
    ],
    [
      new Error('wrapped', { cause: withCode('AccessDenied') }),
      'the storage server refused it (AccessDenied)',
    ],
    [new Error('odd'), 'an unexpected storage error occurred'],
  ])('%s → %s', (error, reason) => {
    expect(storageFailureReason(error)).toBe(reason);
  });

  it('tells an outage from a missing object', () => {
    expect(isStorageOutage(withCode('ECONNRESET'))).toBe(true);
    expect(isStorageOutage(withCode('EIO'))).toBe(true);
    expect(isStorageOutage(withCode('ENOENT'))).toBe(false);
    expect(isStorageOutage(withCode('NoSuchKey'))).toBe(false);
  });
});
