import { ClientBase } from 'pg';

/**
 * The File C rows the documented account example is about (agency 22, federal account 15, budget function
 * 800/801, FY2018 Q2). The demonstration dataset's submissions are all FY2022, so these few rows are added
 * to it, with ids far above the generated ones. Each row is either in that example's download or left out
 * by exactly one of its filters, so the example also shows what each filter does.
 */
export const EXAMPLE_FEDERAL_ACCOUNT = 15;
const TAS = { match: 9_900_001, otherSubfunction: 9_900_002, otherAgency: 9_900_003 };
const SUBMISSION = { q1: 9_900_001, q2: 9_900_002, q3: 9_900_003 };
const FIRST_ROW = 9_900_001;

export interface ExampleAccountRow {
  id: number;
  submission: number;
  tas: number;
  award: 'contract' | 'assistance' | null;
  obligation: string;
  /** Which file of the download holds it, or why it is excluded. */
  expected: 'Contracts' | 'Assistance' | 'Unlinked' | 'zero' | 'later period' | 'subfunction' | 'agency';
}

// prettier-ignore
export const EXAMPLE_ACCOUNT_ROWS: readonly ExampleAccountRow[] = [
  { id: FIRST_ROW, submission: SUBMISSION.q1, tas: TAS.match, award: 'contract', obligation: '100.00', expected: 'Contracts' },
  { id: FIRST_ROW + 1, submission: SUBMISSION.q2, tas: TAS.match, award: 'assistance', obligation: '250.50', expected: 'Assistance' },
  { id: FIRST_ROW + 2, submission: SUBMISSION.q2, tas: TAS.match, award: null, obligation: '-75.25', expected: 'Unlinked' },
  { id: FIRST_ROW + 3, submission: SUBMISSION.q2, tas: TAS.match, award: 'contract', obligation: '0.00', expected: 'zero' },
  { id: FIRST_ROW + 4, submission: SUBMISSION.q3, tas: TAS.match, award: 'contract', obligation: '500.00', expected: 'later period' },
  { id: FIRST_ROW + 5, submission: SUBMISSION.q2, tas: TAS.otherSubfunction, award: 'contract', obligation: '60.00', expected: 'subfunction' },
  { id: FIRST_ROW + 6, submission: SUBMISSION.q2, tas: TAS.otherAgency, award: 'contract', obligation: '70.00', expected: 'agency' },
];

/**
 * Removes the rows, which the generator must not see (it would draw awards on the example accounts). Runs
 * after the generated Files A, B and C are emptied, since those refer to the accounts.
 */
export async function removeExampleAccountRows(client: ClientBase): Promise<void> {
  await client.query('DELETE FROM financial_accounts_by_awards WHERE financial_accounts_by_awards_id >= $1', [
    FIRST_ROW,
  ]);
  await client.query('DELETE FROM submission_attributes WHERE submission_id >= $1', [SUBMISSION.q1]);
  await client.query('DELETE FROM treasury_appropriation_account WHERE treasury_account_identifier >= $1', [
    TAS.match,
  ]);
}

/** Adds (or replaces) the rows; the awards they link to are the first generated contract and assistance. */
export async function seedExampleAccountRows(client: ClientBase): Promise<void> {
  await removeExampleAccountRows(client);
  const award = async (isFpds: boolean): Promise<number> => {
    const { rows } = await client.query<{ award_id: string }>(
      `SELECT a.award_id FROM award_search a JOIN transaction_search t ON t.transaction_id = a.latest_transaction_search_id
       WHERE t.is_fpds = $1 ORDER BY a.award_id LIMIT 1`,
      [isFpds],
    );
    return Number(rows[0].award_id);
  };
  const awards = { contract: await award(true), assistance: await award(false) };
  // The reference data holds a federal account 15; this row only stands in when other data does not.
  await client.query(
    `INSERT INTO federal_account (id, agency_identifier, main_account_code, account_title, federal_account_code, parent_toptier_agency_id)
     VALUES ($1, '021', 'Z015', 'Example Account', '021-Z015', 22) ON CONFLICT (id) DO NOTHING`,
    [EXAMPLE_FEDERAL_ACCOUNT],
  );
  for (const [id, agency, subfunction] of [
    [TAS.match, 22, '801'],
    [TAS.otherSubfunction, 22, '802'],
    [TAS.otherAgency, 21, '801'],
  ] as const) {
    await client.query(
      `INSERT INTO treasury_appropriation_account (treasury_account_identifier, federal_account_id, funding_toptier_agency_id,
         tas_rendering_label, agency_id, main_account_code, sub_account_code, availability_type_code, account_title,
         budget_function_code, budget_function_title, budget_subfunction_code, budget_subfunction_title)
       VALUES ($1, $2, $3, $4, '021', 'Z015', '000', 'X', 'Example TAS', '800', 'General Government', $5, 'Sub ' || $5)`,
      [id, EXAMPLE_FEDERAL_ACCOUNT, agency, `021-X-Z015-${id}`, subfunction],
    );
  }
  for (const [id, window, quarter] of [
    [SUBMISSION.q1, 2018031, 1],
    [SUBMISSION.q2, 2018061, 2],
    [SUBMISSION.q3, 2018091, 3],
  ]) {
    await client.query(
      `INSERT INTO submission_attributes (submission_id, submission_window_id, toptier_code, reporting_agency_name,
         reporting_fiscal_year, reporting_fiscal_quarter, reporting_fiscal_period, quarter_format_flag, published_date,
         reporting_period_start, reporting_period_end)
       VALUES ($1, $2, '021', 'Department of the Army', 2018, $3, $3 * 3, true, '2018-05-20T12:00:00Z',
         DATE '2017-10-01' + make_interval(months => ($3 - 1) * 3),
         (DATE '2017-10-01' + make_interval(months => $3 * 3) - INTERVAL '1 day')::date)`,
      [id, window, quarter],
    );
  }
  for (const row of EXAMPLE_ACCOUNT_ROWS) {
    await client.query(
      `INSERT INTO financial_accounts_by_awards (financial_accounts_by_awards_id, submission_id, treasury_account_id,
         award_id, distinct_award_key, transaction_obligated_amount, gross_outlay_amount_by_award_cpe)
       VALUES ($1, $2, $3, $4, $5, $6, 0)`,
      [
        row.id,
        row.submission,
        row.tas,
        row.award ? awards[row.award] : null,
        `example-${row.id}`,
        row.obligation,
      ],
    );
  }
}
