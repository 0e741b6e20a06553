/**
 * Object names are used as file names on disk, as S3 keys and as URL path segments, so only a
 * conservative allow-list is accepted: no separators, no leading dot (hides `.partial` temp
 * files), no `..` and nothing that needs escaping. Anything else is treated as "not found".
 * The one exception is a known folder prefix (`award_data_archive/<name>` and the other pre-generated
 * files' folders below), as in the reference's bucket.
 */
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.()-]*$/;

/** Longest name most filesystems accept for one path component. */
const MAX_NAME_LENGTH = 255;

/** Storage folder of the pre-generated monthly award archives (docs/compatibility.md#monthly-archives). */
export const AWARD_DATA_ARCHIVE_FOLDER = 'award_data_archive';

/** Storage folder of the per-agency unlinked-awards archives. */
export const UNLINKED_AWARDS_FOLDER = 'unlinked_awards_downloads';

/** Storage folder of the database download files. */
export const DATABASE_DOWNLOAD_FOLDER = 'database_download';

/** The only folders an object name may start with; each is one path segment. */
const FOLDERS: ReadonlySet<string> = new Set([
  AWARD_DATA_ARCHIVE_FOLDER,
  UNLINKED_AWARDS_FOLDER,
  DATABASE_DOWNLOAD_FOLDER,
]);

export function isSafeObjectName(name: string): boolean {
  const slash = name.indexOf('/');
  if (slash < 0) return isSafeBaseName(name);
  return FOLDERS.has(name.slice(0, slash)) && isSafeBaseName(name.slice(slash + 1));
}

function isSafeBaseName(name: string): boolean {
  return name.length <= MAX_NAME_LENGTH && SAFE_NAME.test(name) && !name.includes('..');
}

/** The URL path of an object: each segment percent-encoded, the folder separator kept. */
export function objectUrlPath(name: string): string {
  return name.split('/').map(encodeURIComponent).join('/');
}
