import { UNLINKED_AWARDS_FOLDER } from '../../storage/object-name.util';

/**
 * An agency name as the unlinked-awards archives spell it: `.`, space, `/`, `(`, `)`, `-`, `&` and `'` each
 * become `_` (no collapsing), as in the reference — `U.S. Agency for Global Media` → `U_S__Agency_for_Global_Media`.
 * Any other character a storage object name cannot hold (a comma in two agency names) becomes `_` too; the
 * reference keeps it, but the listing and the producer share this function, so they always agree.
 */
export function sanitizedAgencyName(name: string): string {
  return name.replace(/[. /()\-&']/g, '_').replace(/[^A-Za-z0-9_]/g, '_');
}

/** `unlinked_awards_downloads/<Agency>_UnlinkedAwards_`: what every archive of the agency starts with. */
export function unlinkedArchivePrefix(agencyName: string): string {
  return `${UNLINKED_AWARDS_FOLDER}/${sanitizedAgencyName(agencyName)}_UnlinkedAwards_`;
}

/** The archive's object name; `timestamp` is the zip timestamp (with microseconds). */
export function unlinkedArchiveObjectName(agencyName: string, timestamp: string): string {
  return `${unlinkedArchivePrefix(agencyName)}${timestamp}.zip`;
}

/** `file_name` of the listing: the object name without the folder. */
export function withoutUnlinkedFolder(objectName: string): string {
  return objectName.split(`${UNLINKED_AWARDS_FOLDER}/`).join('');
}
