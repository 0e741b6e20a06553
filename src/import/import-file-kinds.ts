import { deltaHeaders } from '../awards-download/delta-archive-sql.util';
import { catalogFor } from '../catalog/catalog-lookup.util';
import { CatalogKey } from '../catalog/catalog.types';

/** What a file holds, recognized by its header row. */
export interface ImportFileKind {
  readonly catalogKey: 'transaction.d1' | 'transaction.d2' | 'sub_award.d1' | 'sub_award.d2';
  /** A monthly delta: leading `correction_delete_ind` (and `agency_id`) columns, `D` rows delete. */
  readonly delta: boolean;
  readonly label: string;
}

const KINDS: ImportFileKind[] = [
  { catalogKey: 'transaction.d1', delta: false, label: 'contract transactions' },
  { catalogKey: 'transaction.d2', delta: false, label: 'assistance transactions' },
  { catalogKey: 'transaction.d1', delta: true, label: 'contract transactions (delta)' },
  { catalogKey: 'transaction.d2', delta: true, label: 'assistance transactions (delta)' },
  { catalogKey: 'sub_award.d1', delta: false, label: 'contract subawards' },
  { catalogKey: 'sub_award.d2', delta: false, label: 'grant subawards' },
];

/** Header lists this service writes but cannot read back (aggregated or not yet mapped). */
const NOT_IMPORTABLE: readonly CatalogKey[] = [
  'award.d1',
  'award.d2',
  'account_balances.treasury_account',
  'account_balances.federal_account',
  'object_class_program_activity.treasury_account',
  'object_class_program_activity.federal_account',
  'award_financial.treasury_account',
  'award_financial.federal_account',
  'gtas_balances.treasury_account',
];

const headerKey = (headers: readonly string[]): string => headers.join('\u0000');

const BY_HEADERS = new Map<string, ImportFileKind>(
  KINDS.map((kind) => [
    headerKey(
      kind.delta ? deltaHeaders(kind.catalogKey as 'transaction.d1') : catalogFor(kind.catalogKey).headers,
    ),
    kind,
  ]),
);
const UNSUPPORTED = new Map<string, CatalogKey>(
  NOT_IMPORTABLE.map((key) => [headerKey(catalogFor(key).headers), key]),
);

/** The kind of a file with this header row, or a sentence saying why it cannot be imported. */
export function recognizeFile(headers: readonly string[]): ImportFileKind | string {
  const kind = BY_HEADERS.get(headerKey(headers));
  if (kind) return kind;
  const unsupported = UNSUPPORTED.get(headerKey(headers));
  if (unsupported) return `its header is the ${unsupported} list, which the importer does not read yet`;
  return 'its header row matches no prime transaction, delta or subaward file';
}
