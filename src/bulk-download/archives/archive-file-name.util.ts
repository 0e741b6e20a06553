import {
  ASSISTANCE_CODES,
  AwardTypeCode,
  PROCUREMENT_CODES,
} from '../../download-request/award-types/award-type-codes.constants';
import { AWARD_DATA_ARCHIVE_FOLDER } from '../../storage/object-name.util';

/** The two archive kinds: contracts (contracts and IDVs, FPDS) and assistance (FABS). */
export const ARCHIVE_AWARD_TYPES = ['contracts', 'assistance'] as const;

export type ArchiveAwardType = (typeof ARCHIVE_AWARD_TYPES)[number];

/** The type as it appears in archive names (`Contracts`, `Assistance`). */
export const ARCHIVE_TYPE_LABEL: Readonly<Record<ArchiveAwardType, string>> = {
  contracts: 'Contracts',
  assistance: 'Assistance',
};

/** The prime award type codes an archive of each kind holds (docs/compatibility.md#award-type-groups groups). */
export const ARCHIVE_PRIME_CODES: Readonly<Record<ArchiveAwardType, readonly AwardTypeCode[]>> = {
  contracts: PROCUREMENT_CODES,
  assistance: ASSISTANCE_CODES,
};

/** The agency part of the name of an archive covering every agency. */
export const ALL_AGENCIES_CODE = 'All';

/** `YYYYMMDD` of a run, in UTC: the date part of archive names. */
export function archiveDateStamp(at: Date): string {
  return at.toISOString().slice(0, 10).replace(/-/g, '');
}

/** `FY<fy>_<code>` then the type: the prefix every full archive of that slice starts with. */
export function fullArchivePrefix(fiscalYear: string, agencyCode: string, typeLabel: string): string {
  return `FY${fiscalYear}_${agencyCode}_${typeLabel}`;
}

/** `FY(All)_<code>_<Type>`: the prefix of every delta archive of an agency and type. */
export function deltaArchivePrefix(agencyCode: string, typeLabel: string): string {
  return `FY(All)_${agencyCode}_${typeLabel}`;
}

/** `FY2024_020_Contracts_Full_20240615.zip` */
export function fullArchiveName(
  fiscalYear: number,
  agencyCode: string,
  type: ArchiveAwardType,
  stamp: string,
): string {
  return `${fullArchivePrefix(String(fiscalYear), agencyCode, ARCHIVE_TYPE_LABEL[type])}_Full_${stamp}.zip`;
}

/** `FY(All)_020_Contracts_Delta_20240615.zip` */
export function deltaArchiveName(agencyCode: string, type: ArchiveAwardType, stamp: string): string {
  return `${deltaArchivePrefix(agencyCode, ARCHIVE_TYPE_LABEL[type])}_Delta_${stamp}.zip`;
}

/** Where an archive lives in storage (and its `download_job.file_name`): `award_data_archive/<name>`. */
export function archiveObjectName(fileName: string): string {
  return `${AWARD_DATA_ARCHIVE_FOLDER}/${fileName}`;
}

/** The archive's file name without its storage folder. */
export function archiveFileName(objectName: string): string {
  return objectName.slice(objectName.lastIndexOf('/') + 1);
}

/**
 * The `YYYY-MM-DD` date of an archive named `<prefix>_<kind>_<YYYYMMDD>.zip`, or undefined when the name is not
 * exactly that (another agency's code that merely starts the same way, a temp file, ...).
 */
export function archiveUpdatedDate(
  fileName: string,
  prefix: string,
  kind: 'Full' | 'Delta',
): string | undefined {
  const head = `${prefix}_${kind}_`;
  if (!fileName.startsWith(head)) return undefined;
  const match = /^(\d{4})(\d{2})(\d{2})\.zip$/.exec(fileName.slice(head.length));
  return match ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
}
