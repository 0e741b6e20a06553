/**
 * Object names are used as file names on disk, as S3 keys and as URL path segments, so only a
 * conservative allow-list is accepted: no separators, no leading dot (hides `.partial` temp
 * files), no `..` and nothing that needs escaping. Anything else is treated as "not found".
 */
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.()-]*$/;

/** Longest name most filesystems accept for one path component. */
const MAX_NAME_LENGTH = 255;

export function isSafeObjectName(name: string): boolean {
  return name.length <= MAX_NAME_LENGTH && SAFE_NAME.test(name) && !name.includes('..');
}
