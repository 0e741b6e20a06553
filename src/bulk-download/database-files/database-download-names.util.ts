import { DATABASE_DOWNLOAD_FOLDER } from '../../storage/object-name.util';

/** The two kinds of database download, by the prefix of their file names (they do not overlap: `_` vs `-`). */
export const DATABASE_DOWNLOAD_PREFIXES = {
  full: 'usaspending-db_',
  subset: 'usaspending-db-subset_',
} as const;

export type DatabaseDownloadKind = keyof typeof DATABASE_DOWNLOAD_PREFIXES;

/** `database_download/usaspending-db_20241201.zip` for a file made on 2024-12-01 (UTC). */
export function databaseDownloadObjectName(kind: DatabaseDownloadKind, at: Date): string {
  const day = at.toISOString().slice(0, 10).replace(/-/g, '');
  return `${DATABASE_DOWNLOAD_FOLDER}/${DATABASE_DOWNLOAD_PREFIXES[kind]}${day}.zip`;
}

export const databaseDownloadPrefix = (kind: DatabaseDownloadKind): string =>
  `${DATABASE_DOWNLOAD_FOLDER}/${DATABASE_DOWNLOAD_PREFIXES[kind]}`;
