import { DataSource } from 'typeorm';

/**
 * The rows the seed's example request (seeds/000: agency 22, federal account 15, budget function 800/801,
 * File C, FY2018 Q2) is about. The synthetic dataset has no FY2018 submissions, and
 * the app reads through its own connections, so the rows are inserted for the test and deleted after it (ids far
 * above the seeded ones). Each row is either in the expected download or excluded by exactly one rule.
 */
export const FIXTURE_FEDERAL_ACCOUNT = 15;
const TAS = { match: 9_900_001, otherSubfunction: 9_900_002, otherAgency: 9_900_003 };
const SUBMISSION = { q1: 9_900_001, q2: 9_900_002, q3: 9_900_003 };
const FIRST_ROW = 9_900_001;

export interface FixtureRow {
  id: number;
  submission: number;
  tas: number;
  award: 'contract' | 'assistance' | null;
  obligation: string;
  /** Which file of the download holds it, or why it is excluded. */
  expected: 'Contracts' | 'Assistance' | 'Unlinked' | 'zero' | 'later period' | 'subfunction' | 'agency';
}

// prettier-ignore
export const FIXTURE_ROWS: FixtureRow[] = [
  { id: FIRST_ROW, submission: SUBMISSION.q1, tas: TAS.match, award: 'contract', obligation: '100.00', expected: 'Contracts' },
  { id: FIRST_ROW + 1, submission: SUBMISSION.q2, tas: TAS.match, award: 'assistance', obligation: '250.50', expected: 'Assistance' },
  { id: FIRST_ROW + 2, submission: SUBMISSION.q2, tas: TAS.match, award: null, obligation: '-75.25', expected: 'Unlinked' },
  { id: FIRST_ROW + 3, submission: SUBMISSION.q2, tas: TAS.match, award: 'contract', obligation: '0.00', expected: 'zero' },
  { id: FIRST_ROW + 4, submission: SUBMISSION.q3, tas: TAS.match, award: 'contract', obligation: '500.00', expected: 'later period' },
  { id: FIRST_ROW + 5, submission: SUBMISSION.q2, tas: TAS.otherSubfunction, award: 'contract', obligation: '60.00', expected: 'subfunction' },
  { id: FIRST_ROW + 6, submission: SUBMISSION.q2, tas: TAS.otherAgency, award: 'contract', obligation: '70.00', expected: 'agency' },
];

export async function removeSeedExampleRows(dataSource: DataSource): Promise<void> {
  await dataSource.query(
    'DELETE FROM financial_accounts_by_awards WHERE financial_accounts_by_awards_id >= $1',
    [FIRST_ROW],
  );
  await dataSource.query('DELETE FROM submission_attributes WHERE submission_id >= $1', [SUBMISSION.q1]);
  await dataSource.query(
    'DELETE FROM treasury_appropriation_account WHERE treasury_account_identifier >= $1',
    [TAS.match],
  );
  await dataSource.query("DELETE FROM federal_account WHERE id = $1 AND main_account_code = 'Z015'", [
    FIXTURE_FEDERAL_ACCOUNT,
  ]);
}

/** Inserts the rows in one transaction; returns the award ids used for the contract and assistance rows. */
export async function insertSeedExampleRows(
  dataSource: DataSource,
): Promise<Record<'contract' | 'assistance', number>> {
  await removeSeedExampleRows(dataSource);
  return dataSource.transaction(async (manager) => {
    const q = <T>(sql: string, params: unknown[] = []) => manager.query<T>(sql, params);
    const award = async (isFpds: boolean) =>
      Number(
        (
          await q<{ award_id: string }[]>(
            `SELECT a.award_id FROM award_search a JOIN transaction_search t ON t.transaction_id = a.latest_transaction_search_id
             WHERE t.is_fpds = $1 ORDER BY a.award_id LIMIT 1`,
            [isFpds],
          )
        )[0].award_id,
      );
    const awards = { contract: await award(true), assistance: await award(false) };
    await q(
      // The reference data already holds a federal account 15; the row is only a fallback for other data.
      `INSERT INTO federal_account (id, agency_identifier, main_account_code, account_title, federal_account_code, parent_toptier_agency_id)
       VALUES ($1, '021', 'Z015', 'Seed Example Account', '021-Z015', 22) ON CONFLICT (id) DO NOTHING`,
      [FIXTURE_FEDERAL_ACCOUNT],
    );
    for (const [id, agency, subfunction] of [
      [TAS.match, 22, '801'],
      [TAS.otherSubfunction, 22, '802'],
      [TAS.otherAgency, 21, '801'],
    ] as const) {
      await q(
        `INSERT INTO treasury_appropriation_account (treasury_account_identifier, federal_account_id, funding_toptier_agency_id,
           tas_rendering_label, agency_id, main_account_code, sub_account_code, availability_type_code, account_title,
           budget_function_code, budget_function_title, budget_subfunction_code, budget_subfunction_title)
         VALUES ($1, $2, $3, $4, '021', 'Z015', '000', 'X', 'Seed Example TAS', '800', 'General Government', $5, 'Sub ' || $5)`,
        [id, FIXTURE_FEDERAL_ACCOUNT, agency, `021-X-Z015-${id}`, subfunction],
      );
    }
    for (const [id, window, quarter] of [
      [SUBMISSION.q1, 2018031, 1],
      [SUBMISSION.q2, 2018061, 2],
      [SUBMISSION.q3, 2018091, 3],
    ]) {
      await q(
        `INSERT INTO submission_attributes (submission_id, submission_window_id, toptier_code, reporting_agency_name,
           reporting_fiscal_year, reporting_fiscal_quarter, reporting_fiscal_period, quarter_format_flag, published_date)
         VALUES ($1, $2, '021', 'Department of the Army', 2018, $3, $3 * 3, true, '2018-05-20T12:00:00Z')`,
        [id, window, quarter],
      );
    }
    for (const row of FIXTURE_ROWS) {
      await q(
        `INSERT INTO financial_accounts_by_awards (financial_accounts_by_awards_id, submission_id, treasury_account_id,
           award_id, distinct_award_key, transaction_obligated_amount, gross_outlay_amount_by_award_cpe)
         VALUES ($1, $2, $3, $4, $5, $6, 0)`,
        [
          row.id,
          row.submission,
          row.tas,
          row.award ? awards[row.award] : null,
          `fixture-${row.id}`,
          row.obligation,
        ],
      );
    }
    return awards;
  });
}
