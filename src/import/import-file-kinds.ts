import { deltaHeaders } from '../awards-download/delta-archive-sql.util';
import { catalogFor } from '../catalog/catalog-lookup.util';
import { CatalogKey } from '../catalog/catalog.types';
import { AccountCatalogKey } from './account-import';

/** What a file holds, recognized by its header row. */
export interface ImportFileKind {
  readonly catalogKey:
    'transaction.d1' | 'transaction.d2' | 'sub_award.d1' | 'sub_award.d2' | AccountCatalogKey;
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
  { catalogKey: 'account_balances.treasury_account', delta: false, label: 'account balances (File A)' },
  {
    catalogKey: 'object_class_program_activity.treasury_account',
    delta: false,
    label: 'program activity and object class (File B)',
  },
  { catalogKey: 'award_financial.treasury_account', delta: false, label: 'award financial (File C)' },
];

const AGGREGATED =
  'which sums the treasury accounts of each federal account (amounts added up, codes and names joined), so the ' +
  'rows it was made from cannot be recovered: download the treasury_account level instead';

/** Header lists this service writes but cannot read back, with the reason. */
const NOT_IMPORTABLE: readonly [CatalogKey, string][] = [
  ['award.d1', 'which the importer does not read: award summaries are derived from the transaction files'],
  ['award.d2', 'which the importer does not read: award summaries are derived from the transaction files'],
  ['account_balances.federal_account', AGGREGATED],
  ['object_class_program_activity.federal_account', AGGREGATED],
  ['award_financial.federal_account', AGGREGATED],
  ['gtas_balances.treasury_account', 'which the importer does not read yet'],
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
const UNSUPPORTED = new Map<string, [CatalogKey, string]>(
  NOT_IMPORTABLE.map((entry) => [headerKey(catalogFor(entry[0]).headers), entry]),
);

/** The kind of a file with this header row, or a sentence saying why it cannot be imported. */
export function recognizeFile(headers: readonly string[]): ImportFileKind | string {
  const kind = BY_HEADERS.get(headerKey(headers));
  if (kind) return kind;
  const unsupported = UNSUPPORTED.get(headerKey(headers));
  if (unsupported) return `its header is the ${unsupported[0]} list, ${unsupported[1]}`;
  return 'its header row matches no prime transaction, delta, subaward or treasury-account-level account file';
}
