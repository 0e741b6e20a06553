import { AwardPageKind } from '../../award-page-download/request/award-page-request.types';

const SLUG_MAX_LENGTH = 50;

/**
 * An award identifier as it appears in file names: accents decomposed and every character outside
 * printable ASCII dropped, every character outside `[A-Za-z0-9_]` made `_`, runs of `_` collapsed, `_` trimmed from both
 * ends, at most 50 characters; `UNKNOWN` when nothing is left (or the award has no such id).
 * `N0002404C2105/ä x` → `N0002404C2105_a_x`.
 */
export function fileNameSlug(value: string | null): string {
  const slug = (value ?? '')
    .normalize('NFKD')
    .replace(/[^ -~]/g, '')
    .replace(/[^A-Za-z0-9_]/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, SLUG_MAX_LENGTH);
  return slug || 'UNKNOWN';
}

const ZIP_PREFIX: Readonly<Record<AwardPageKind, string>> = {
  idv: 'IDV',
  contract: 'CONT',
  assistance: 'ASST',
};

const FILE_PREFIX: Readonly<Record<AwardPageKind, string>> = {
  idv: 'IDV',
  contract: 'Contract',
  assistance: 'Assistance',
};

/** `IDV_<piid>_<TS>.zip`, `CONT_<piid>_<TS>.zip`, `ASST_<assistance id>_<TS>.zip`. */
export function awardPageZipFileName(
  kind: AwardPageKind,
  awardIdentifier: string | null,
  timestamp: string,
): string {
  return `${ZIP_PREFIX[kind]}_${fileNameSlug(awardIdentifier)}_${timestamp}.zip`;
}

/** Inner file base names carry no timestamp: `IDV_<piid>_Orders`, `Contract_<piid>_Sub-Awards`, ... */
export function awardPageFileBaseName(
  kind: AwardPageKind,
  awardIdentifier: string | null,
  label: string,
): string {
  return `${FILE_PREFIX[kind]}_${fileNameSlug(awardIdentifier)}_${label}`;
}
