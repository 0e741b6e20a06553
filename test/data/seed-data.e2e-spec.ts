import { ClientBase } from 'pg';
import { DataSource, QueryRunner } from 'typeorm';
import { DataLoadDateRepository } from '../../src/data-model/repositories/data-load-date.repository';
import { loadReferenceTables } from '../../src/reference-data/reference-data.loader';
import { seedSmallDatasetWith } from '../../tools/seed/seed-small-dataset';
import { FPDS_PAIRS } from '../../tools/seed/synthetic/contract-profiles';
import { openMigratedDataSource } from '../support/test-database';

/** Reference loader and synthetic generator on the test database, in one rolled-back transaction. */
describe('seed data', () => {
  let dataSource: DataSource;
  let runner: QueryRunner;
  let client: ClientBase;
  const scalar = async (sql: string): Promise<string> => {
    const result = await client.query<{ value: string }>(sql);
    return String(result.rows[0].value);
  };
  const fingerprint = (table: string, key: string) =>
    scalar(`SELECT md5(string_agg(t::text, '|' ORDER BY ${key})) AS value FROM ${table} AS t`);

  beforeAll(async () => {
    dataSource = await openMigratedDataSource();
    runner = dataSource.createQueryRunner();
    client = (await runner.connect()) as ClientBase;
    await client.query('BEGIN');
  });

  afterAll(async () => {
    await client.query('ROLLBACK');
    await runner.release();
    await dataSource.destroy();
  });

  it('loads the reference data idempotently', async () => {
    const first = await loadReferenceTables(client);
    const tas = await fingerprint('treasury_appropriation_account', 'treasury_account_identifier');
    const agencies = await fingerprint('toptier_agency', 'toptier_agency_id');
    const second = await loadReferenceTables(client);
    expect(second).toEqual(first);
    expect(await fingerprint('treasury_appropriation_account', 'treasury_account_identifier')).toBe(tas);
    expect(await fingerprint('toptier_agency', 'toptier_agency_id')).toBe(agencies);
    expect(first.treasury_appropriation_account).toBe(11011);
    expect(
      Number(await scalar('SELECT count(*) AS value FROM treasury_appropriation_account')),
    ).toBeGreaterThanOrEqual(11011);
    expect(
      await scalar(
        'SELECT tas_rendering_label AS value FROM treasury_appropriation_account WHERE treasury_account_identifier = 62486',
      ),
    ).toBe('021-2015/2017-2035-000');
    expect(
      await scalar(
        "SELECT county_name AS value FROM ref_city_county_state_code WHERE state_alpha = 'NM' AND county_name LIKE 'Do%a Ana' LIMIT 1",
      ),
    ).toBe('Doña Ana');
  }, 60_000);

  it('generates the same rows for the same seed', async () => {
    await seedSmallDatasetWith(client);
    const prints = [
      await fingerprint('award_search', 'award_id'),
      await fingerprint('financial_accounts_by_awards', 'financial_accounts_by_awards_id'),
    ];
    await seedSmallDatasetWith(client);
    expect([
      await fingerprint('award_search', 'award_id'),
      await fingerprint('financial_accounts_by_awards', 'financial_accounts_by_awards_id'),
    ]).toEqual(prints);
  }, 120_000);

  it('keeps award totals equal to the sum of their transactions, and every key resolvable', async () => {
    expect(
      await scalar(`SELECT count(*) AS value FROM award_search a
      JOIN (SELECT award_id, sum(federal_action_obligation) AS total FROM transaction_search GROUP BY award_id) t USING (award_id)
      WHERE a.total_obligation <> t.total`),
    ).toBe('0');
    expect(
      await scalar(`SELECT count(*) AS value FROM award_search a
      LEFT JOIN transaction_search l ON l.transaction_id = a.latest_transaction_search_id
      LEFT JOIN transaction_search e ON e.transaction_id = a.earliest_transaction_search_id
      WHERE l.transaction_id IS NULL OR e.transaction_id IS NULL OR l.award_id <> a.award_id`),
    ).toBe('0');
    expect(
      await scalar(`SELECT count(*) AS value FROM subaward_search s
      LEFT JOIN award_search a USING (award_id) WHERE a.award_id IS NULL`),
    ).toBe('0');
    expect(
      await scalar(`SELECT count(*) AS value FROM financial_accounts_by_awards f
      LEFT JOIN award_search a USING (award_id) WHERE f.award_id IS NOT NULL AND a.award_id IS NULL`),
    ).toBe('0');
    expect(
      Number(
        await scalar('SELECT count(*) AS value FROM financial_accounts_by_awards WHERE award_id IS NULL'),
      ),
    ).toBeGreaterThan(0);
  });

  it('covers every agency, award group and many places, with tricky text', async () => {
    expect(
      await scalar(
        'SELECT count(DISTINCT awarding_toptier_agency_code) = (SELECT count(*) FROM toptier_agency) AS value FROM award_search',
      ),
    ).toBe('true');
    expect(await scalar('SELECT count(DISTINCT category) AS value FROM award_search')).toBe('7');
    expect(
      Number(
        await scalar('SELECT count(DISTINCT recipient_location_state_code) AS value FROM transaction_search'),
      ),
    ).toBeGreaterThan(45);
    expect(
      Number(await scalar('SELECT count(DISTINCT pop_country_code) AS value FROM transaction_search')),
    ).toBeGreaterThan(20);
    expect(
      await scalar("SELECT min(fiscal_year) || '-' || max(fiscal_year) AS value FROM transaction_search"),
    ).toBe('2008-2026');
    expect(
      Number(
        await scalar(
          `SELECT count(*) AS value FROM transaction_search WHERE transaction_description LIKE '%' || chr(10) || '%'`,
        ),
      ),
    ).toBeGreaterThan(0);
    expect(
      Number(
        await scalar(`SELECT count(*) AS value FROM transaction_search
      WHERE keyword_ts_vector @@ plainto_tsquery('simple', 'broadband')`),
      ),
    ).toBeGreaterThan(0);
    expect(
      Number(
        await scalar(
          `SELECT count(*) AS value FROM award_search WHERE disaster_emergency_fund_codes IS NOT NULL`,
        ),
      ),
    ).toBeGreaterThan(0);
  });

  it('puts plausible values in the contract (FPDS) columns', async () => {
    const count = async (where: string): Promise<number> =>
      Number(await scalar(`SELECT count(*) AS value FROM transaction_search WHERE ${where}`));
    const contracts = await count('is_fpds');
    expect(contracts).toBeGreaterThan(100);
    // Numeric-looking text columns hold numbers (they once held D/Y/N/X flags).
    expect(await count(`is_fpds AND number_of_actions ~ '^[0-9]+$'`)).toBe(contracts);
    expect(await count(`is_fpds AND number_of_offers_received ~ '^[0-9]+$'`)).toBe(contracts);
    // Phone and fax numbers look like phone numbers.
    expect(await count(`is_fpds AND vendor_phone_number ~ '^[0-9]{3}-[0-9]{3}-[0-9]{4}$'`)).toBe(contracts);
    expect(await count(`is_fpds AND vendor_fax_number ~ '^[0-9]{3}-[0-9]{3}-[0-9]{4}$'`)).toBe(contracts);
    // Free-text columns never hold a bare flag letter.
    for (const column of ['program_acronym', 'major_program', 'other_statutory_authority', 'cage_code'])
      expect([column, await count(`${column} IN ('Y', 'N', 'X', 'D', 'YES', 'NO')`)]).toEqual([column, 0]);
    // Code/description pairs agree with the real FPDS pairs, and each code has one description.
    for (const [code, [description, pairs]] of Object.entries(FPDS_PAIRS)) {
      const allowed = pairs.map(([c, d]) => `('${c}', '${d.replace(/'/g, "''")}')`).join(', ');
      expect([
        code,
        await count(`is_fpds AND ((${code} IS NULL) <> (${description} IS NULL)
          OR (${code}, ${description}) NOT IN (${allowed}))`),
        Number(
          await scalar(`SELECT count(*) AS value FROM (SELECT ${code} FROM transaction_search
            WHERE ${code} IS NOT NULL GROUP BY 1 HAVING count(DISTINCT ${description}) > 1) x`),
        ),
      ]).toEqual([code, 0, 0]);
    }
    expect(await count(`information_technology_com = 'N' OR contract_bundling = 'Y'`)).toBe(0);
    expect(await count(`is_fpds AND extent_competed IS NOT NULL`)).toBe(contracts);
    // IDV-only columns are empty on non-IDV contracts (and filled on IDVs).
    const idvOnly = `multiple_or_single_award_i IS NOT NULL OR type_of_idc IS NOT NULL OR multiple_or_single_aw_desc IS NOT NULL`;
    expect(await count(`is_fpds AND type NOT LIKE 'IDV%' AND (${idvOnly})`)).toBe(0);
    expect(await count(`type LIKE 'IDV%' AND multiple_or_single_award_i IS NULL`)).toBe(0);
    // Referenced-IDV columns only on orders under a parent IDV, naming the parent's sub-tier agency.
    expect(
      await count(`is_fpds AND parent_award_id IS NULL AND (referenced_idv_agency_iden IS NOT NULL
        OR referenced_idv_agency_desc IS NOT NULL OR referenced_idv_type IS NOT NULL OR referenced_mult_or_single IS NOT NULL)`),
    ).toBe(0);
    expect(
      await count(`parent_award_id IS NOT NULL AND referenced_idv_agency_iden IS NOT NULL`),
    ).toBeGreaterThan(0);
    expect(
      await count(`parent_award_id IS NOT NULL AND (referenced_idv_agency_iden IS NULL OR NOT EXISTS (
        SELECT 1 FROM subtier_agency s WHERE s.subtier_code = referenced_idv_agency_iden
          AND upper(s.name) = referenced_idv_agency_desc))`),
    ).toBe(0);
  });

  it('attaches only sub-tier agencies of the same toptier agency', async () => {
    for (const side of ['awarding', 'funding']) {
      const code = side === 'awarding' ? 'awarding_sub_tier_agency_c' : 'funding_sub_tier_agency_co';
      expect(
        await scalar(`SELECT count(*) AS value FROM transaction_search ts
        LEFT JOIN agency a ON a.id = ts.${side}_agency_id
        LEFT JOIN toptier_agency t ON t.toptier_agency_id = a.toptier_agency_id
        LEFT JOIN subtier_agency s ON s.subtier_agency_id = a.subtier_agency_id
        WHERE t.toptier_code IS DISTINCT FROM ts.${side}_toptier_agency_code
           OR t.name IS DISTINCT FROM ts.${side}_toptier_agency_name
           OR s.subtier_code IS DISTINCT FROM ts.${code}
           OR s.name IS DISTINCT FROM ts.${side}_subtier_agency_name`),
      ).toBe('0');
      // No Treasury Fiscal Service office (nor another toptier agency) as a bureau of a non-Treasury agency.
      expect(
        await scalar(`SELECT count(*) AS value FROM transaction_search ts
        WHERE (ts.${side}_subtier_agency_name ~* '(\\mtreasury\\M|\\mfms/)' AND ts.${side}_toptier_agency_name !~* 'treasury')
           OR EXISTS (SELECT 1 FROM toptier_agency o WHERE lower(o.name) = lower(ts.${side}_subtier_agency_name)
                        AND o.toptier_code <> ts.${side}_toptier_agency_code)`),
      ).toBe('0');
    }
    expect(
      await scalar(`SELECT count(*) AS value FROM (SELECT awarding_subtier_agency_name FROM transaction_search
        WHERE awarding_subtier_agency_name ILIKE '%FMS/FO/FASD%'
        GROUP BY 1 HAVING count(DISTINCT awarding_toptier_agency_code) > 1) x`),
    ).toBe('0');
  });

  it('keeps File B equal to File A, and File C within File A, per account and submission', async () => {
    expect(
      await scalar(`SELECT count(*) AS value FROM appropriation_account_balances a
      JOIN (SELECT treasury_account_id, submission_id, sum(obligations_incurred_by_program_object_class_cpe) AS total
            FROM financial_accounts_by_program_activity_object_class GROUP BY 1, 2) b
        ON b.treasury_account_id = a.treasury_account_identifier AND b.submission_id = a.submission_id
      WHERE b.total <> a.obligations_incurred_total_by_tas_cpe`),
    ).toBe('0');
    // File C is per period, File A year to date: compare File A with File C summed up to its period.
    expect(
      await scalar(`SELECT count(*) AS value FROM appropriation_account_balances a
      JOIN submission_attributes s USING (submission_id)
      JOIN LATERAL (SELECT sum(c.transaction_obligated_amount) AS total FROM financial_accounts_by_awards c
        JOIN submission_attributes cs ON cs.submission_id = c.submission_id
        WHERE c.treasury_account_id = a.treasury_account_identifier AND cs.toptier_code = s.toptier_code
          AND cs.reporting_fiscal_year = s.reporting_fiscal_year AND cs.reporting_fiscal_period <= s.reporting_fiscal_period) c ON true
      WHERE c.total > a.obligations_incurred_total_by_tas_cpe`),
    ).toBe('0');
    expect(
      Number(await scalar('SELECT count(*) AS value FROM appropriation_account_balances')),
    ).toBeGreaterThan(100);
  });

  it('records the load date of the seed', async () => {
    const loaded = await scalar(
      "SELECT last_load_date AS value FROM external_data_load_date WHERE load_type = 'awards'",
    );
    expect(new Date(loaded).getTime()).toBeGreaterThan(Date.now() - 600_000);
  });
});

describe('DataLoadDateRepository', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await openMigratedDataSource();
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  it('returns the latest load date after a load is marked', async () => {
    const repository = new DataLoadDateRepository(dataSource);
    const before = Date.now();
    await repository.markLoaded(['reference']);
    const latest = await repository.latestLoadDate();
    expect(latest).toBeInstanceOf(Date);
    expect(latest!.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });
});
