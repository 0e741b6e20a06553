/** The header lists of data/columns.json that downloads produce, as `<file type>.<level>`. */
export const CATALOG_KEYS = [
  'award.d1',
  'award.d2',
  'transaction.d1',
  'transaction.d2',
  'sub_award.d1',
  'sub_award.d2',
  'account_balances.treasury_account',
  'account_balances.federal_account',
  'object_class_program_activity.treasury_account',
  'object_class_program_activity.federal_account',
  'award_financial.treasury_account',
  'award_financial.federal_account',
  'gtas_balances.treasury_account',
] as const;

export type CatalogKey = (typeof CATALOG_KEYS)[number];

/**
 * Files whose columns are a columns.json list computed differently, or whose headers differ from every
 * list; generated from the same lists by scripts/catalog/catalog-variants.ts:
 *
 * - `idv_orders.d1`: award.d1 as the IDV page's Orders file computes it (object classes without the
 *   "has an object class" guard);
 * - `idv_transaction_history.d1`, `assistance_transaction_history.d2`: transaction.d1 / d2 as the award
 *   pages compute them (COVID-19 and IIJA amounts only for actions on or after the laws took effect);
 * - `disaster_recipient.recipient`: the COVID-19 recipient file, one row per recipient;
 * - `covid_profile_*`: the pre-generated COVID-19 profile files, with their own header lists.
 */
export const VARIANT_CATALOG_KEYS = [
  'idv_orders.d1',
  'idv_transaction_history.d1',
  'assistance_transaction_history.d2',
  'disaster_recipient.recipient',
  'covid_profile_award.d1',
  'covid_profile_award.d2',
  'covid_profile_sub_award.d1',
  'covid_profile_sub_award.d2',
  'covid_profile_object_class_program_activity.treasury_account',
] as const;

export type VariantCatalogKey = (typeof VARIANT_CATALOG_KEYS)[number];

/** Any generated catalog: a columns.json list or a variant of one. */
export type SourceKey = CatalogKey | VariantCatalogKey;

/**
 * How a federal_account-level column is computed over the TAS rows of its group (docs/compatibility.md#account-file-rows).
 * `sum_closed_submission` sums only rows whose submission satisfies CLOSED_SUB.
 */
export type Aggregation =
  'group_by' | 'sum' | 'sum_closed_submission' | 'string_agg_distinct' | 'max' | 'count_distinct';

export interface CatalogColumn {
  /** Exact CSV header text. */
  readonly header: string;
  /** The name a request puts in `columns` (the reference's internal name; differs for two headers). */
  readonly requestName: string;
  /**
   * Static SQL producing the value, over the aliases of the source's FROM clause. May contain the
   * placeholders of SQL_PLACEHOLDERS, filled per request by buildSelectSql().
   */
  readonly sql: string;
  /** Federal-account lists only. */
  readonly aggregation?: Aggregation;
  /** The separator of a `string_agg_distinct` aggregation (';' in File A, '; ' in Files B and C). */
  readonly separator?: string;
}

export interface CatalogSource {
  readonly key: SourceKey;
  /** The physical table a row of the file comes from (for account files, the File A/B/C table). */
  readonly baseTable: string;
  /** FROM and JOIN clauses; with fabaAwardJoin, the only aliases column expressions refer to. */
  readonly fromClause: string;
  /**
   * Award-side lists: the LEFT JOIN that provides the award-level File C values columns read as
   * `faba_award.<value>` (scripts/catalog/faba-award-sql.ts has the measurements). `perRow` computes
   * them per row of the file (LATERAL: cost grows with the rows downloaded); `allAwards`, where
   * present, once for every award of File C (GROUP BY, hash-joined: cheaper when the whole list is
   * downloaded). Both may contain the placeholders of SQL_PLACEHOLDERS.
   */
  readonly fabaAwardJoin?: { readonly perRow: string; readonly allAwards?: string };
  /** The d1/d2 split (contracts vs assistance); undefined for account files. */
  readonly rowCondition?: string;
  /**
   * Explicit GROUP BY expressions, for aggregated files grouped by keys they do not output (the recipient
   * file groups by name and DUNS). Federal-account lists group by their `group_by` columns instead.
   */
  readonly groupBy?: readonly string[];
  readonly headers: readonly string[];
  readonly columns: readonly CatalogColumn[];
}

/** Placeholders that catalog expressions may contain; each is replaced by a safe SQL fragment. */
export const SQL_PLACEHOLDERS = {
  /** Quoted literal 'https://<host>/award/' (or '<host>/award/' for localhost hosts). */
  permalinkPrefix: '{{permalink_prefix}}',
  /** Boolean condition on the `submission_attributes` alias: the CLOSED_SUB rule. */
  closedSubmission: '{{closed_submission}}',
  /** '' or `AND faba.disaster_emergency_fund_code IN (...)` inside the award-side faba_award aggregates. */
  fabaDefCodes: '{{faba_def_codes}}',
} as const;
