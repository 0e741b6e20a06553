/** The twelve header lists of data/columns.json that downloads produce, as `<file type>.<level>`. */
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
] as const;

export type CatalogKey = (typeof CATALOG_KEYS)[number];

/**
 * How a federal_account-level column is computed over the TAS rows of its group (generation.md §9.5).
 * `sum_closed_submission` sums only rows whose submission satisfies CLOSED_SUB.
 */
export type Aggregation = 'group_by' | 'sum' | 'sum_closed_submission' | 'string_agg_distinct' | 'max';

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
  readonly key: CatalogKey;
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
