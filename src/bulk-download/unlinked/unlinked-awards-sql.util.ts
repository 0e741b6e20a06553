import { literal } from '../../filters/sql-literal.util';

/**
 * The unlinked-awards archive of one agency, as four SELECTs: awards that no File C row links to (the agency
 * awarded them but never reported their funding), and File C rows that link to no award (the agency reported
 * funding the awards data does not know). Counted from FY2017, when File C reporting began. The toptier code
 * is escaped: COPY takes no bind parameters.
 */

/** Fiscal period (1 = October) of a date. */
const fiscalPeriod = (date: string): string => `EXTRACT(MONTH FROM ${date} + INTERVAL '3 months')::integer`;

/**
 * Awards of the agency (awarding toptier) since FY2017 without any File C row; loans only when they carry a
 * subsidy cost (a loan without one has no obligation to report).
 */
const unlinkedAwards = (code: string, isFpds: boolean): string => `SELECT a.award_id, a.fiscal_year
  FROM award_search AS a
  WHERE a.awarding_toptier_agency_code = ${literal(code)} AND a.is_fpds = ${isFpds}
    AND a.certified_date >= DATE '2016-10-01'
    AND (a.type NOT IN ('07', '08') OR a.total_subsidy_cost > 0)
    AND NOT EXISTS (SELECT 1 FROM financial_accounts_by_awards AS f WHERE f.award_id = a.award_id)`;

/** File C rows without an award, of submissions already revealed, funded by the agency's accounts. */
const unlinkedFileC = (code: string): string => `FROM financial_accounts_by_awards AS f
  JOIN submission_attributes AS s ON s.submission_id = f.submission_id
  JOIN dabs_submission_window_schedule AS w ON w.id = s.submission_window_id AND w.submission_reveal_date <= now()
  JOIN treasury_appropriation_account AS taa ON taa.treasury_account_identifier = f.treasury_account_id
  JOIN toptier_agency AS ta ON ta.toptier_agency_id = taa.funding_toptier_agency_id
  WHERE f.award_id IS NULL AND f.transaction_obligated_amount IS NOT NULL AND s.reporting_fiscal_year >= 2017
    AND ta.toptier_code = ${literal(code)}`;

export function unlinkedContractsSql(code: string): string {
  return `SELECT ${literal(code)} AS toptier_code, t.award_id, t.detached_award_proc_unique AS contract_transaction_unique_key,
    t.generated_unique_award_id AS contract_award_unique_key, t.piid AS award_id_piid, t.modification_number,
    t.transaction_number, t.fiscal_year, ${fiscalPeriod('t.action_date')} AS fiscal_period
  FROM (${unlinkedAwards(code, true)}) AS u JOIN transaction_search AS t ON t.award_id = u.award_id`;
}

export function unlinkedAssistanceSql(code: string): string {
  return `SELECT ${literal(code)} AS toptier_code, t.award_id, t.afa_generated_unique AS assistance_transaction_unique_key,
    t.generated_unique_award_id AS assistance_award_unique_key, t.fain AS award_id_fain, t.uri AS award_id_uri,
    t.modification_number, t.fiscal_year, ${fiscalPeriod('t.action_date')} AS fiscal_period
  FROM (${unlinkedAwards(code, false)}) AS u JOIN transaction_search AS t ON t.award_id = u.award_id`;
}

export function unlinkedAccountsSql(code: string): string {
  return `SELECT ta.toptier_code, f.piid, f.parent_award_id, f.fain, f.uri, f.piid IS NOT NULL AS is_fpds,
    s.reporting_fiscal_year AS fiscal_year, s.reporting_fiscal_period AS fiscal_period,
    taa.tas_rendering_label AS treasury_account_symbol, f.transaction_obligated_amount
  ${unlinkedFileC(code)}`;
}

/** Per fiscal year: unlinked contract and assistance awards, unlinked File C rows, latest publication. */
export function unlinkedSummarySql(code: string): string {
  const t = literal(code);
  return `WITH contracts AS (SELECT fiscal_year, count(*) AS n FROM (${unlinkedAwards(code, true)}) AS u GROUP BY 1),
    assistance AS (SELECT fiscal_year, count(*) AS n FROM (${unlinkedAwards(code, false)}) AS u GROUP BY 1),
    file_c AS (SELECT s.reporting_fiscal_year AS fiscal_year, count(*) AS n ${unlinkedFileC(code)} GROUP BY 1),
    published AS (SELECT reporting_fiscal_year AS fiscal_year, max(published_date) AS at FROM submission_attributes
                  WHERE toptier_code = ${t} GROUP BY 1),
    years AS (SELECT fiscal_year FROM contracts UNION SELECT fiscal_year FROM assistance
              UNION SELECT fiscal_year FROM file_c UNION SELECT fiscal_year FROM published)
  SELECT ta.name AS agency_name, ta.toptier_code, y.fiscal_year,
    COALESCE(c.n, 0) AS unlinked_contract_award_count, COALESCE(a.n, 0) AS unlinked_assistance_award_count,
    COALESCE(c.n, 0) + COALESCE(a.n, 0) AS total_unlinked_awards, COALESCE(f.n, 0) AS unlinked_file_c_row_count,
    CAST(p.at AS date) AS most_recent_update
  FROM years AS y
  CROSS JOIN (SELECT name, toptier_code FROM toptier_agency WHERE toptier_code = ${t}) AS ta
  LEFT JOIN contracts AS c ON c.fiscal_year = y.fiscal_year
  LEFT JOIN assistance AS a ON a.fiscal_year = y.fiscal_year
  LEFT JOIN file_c AS f ON f.fiscal_year = y.fiscal_year
  LEFT JOIN published AS p ON p.fiscal_year = y.fiscal_year
  WHERE y.fiscal_year >= 2017
  ORDER BY y.fiscal_year`;
}
