import { closedSubmissionSql, latestSubmissionIdsSql } from './closed-submission.util';
import { buildSelectSql, permalinkPrefix, selectCatalogColumns } from './select-sql.util';
import { catalogFor } from './catalog-lookup.util';

describe('buildSelectSql', () => {
  it('selects the requested columns in request order, aliased with quoted headers', () => {
    const sql = buildSelectSql('award.d1', {
      permalinkHost: 'www.usaspending.gov',
      columns: ['usaspending_permalink', 'award_id_piid', 'not_in_this_file', 'award_id_piid'],
    });
    expect(sql).toMatch(
      /^SELECT\n {2}CONCAT\('https:\/\/www\.usaspending\.gov\/award\/', CASE WHEN award_search\.generated_unique_award_id ~ '\^\[A-Za-z0-9_\.~-\]\*\$' THEN award_search\.generated_unique_award_id ELSE urlencode\(award_search\.generated_unique_award_id\) END, '\/'\) AS "usaspending_permalink",\n {2}award_search\.piid AS "award_id_piid"\nFROM award_search AS award_search/,
    );
    expect(sql).toContain('WHERE (award_search.is_fpds = true)');
    expect(sql).not.toContain('GROUP BY');
    expect(sql).not.toContain('faba_award');
  });

  it('escapes DEF codes as literals inside the FABA subqueries', () => {
    const sql = buildSelectSql('award.d2', {
      permalinkHost: 'h',
      columns: ['disaster_emergency_fund_codes_NAMING_CONFLICT_SUFFIX'],
      defCodes: ['L', "x'y"],
    });
    expect(sql).toContain(" AND faba.disaster_emergency_fund_code IN ('L', 'x''y'))");
    expect(sql).not.toContain('{{');
  });

  it('joins the award-level File C values per row unless the whole list is downloaded', () => {
    const columns = ['treasury_accounts_funding_this_award'];
    const whole = buildSelectSql('transaction.d1', { permalinkHost: 'h', columns });
    expect(whole).toContain(
      'GROUP BY faba.award_id) AS faba_award ON faba_award.award_id = transaction_search.award_id',
    );
    expect(whole).not.toContain('LATERAL');
    for (const partial of [{ where: ['transaction_search.award_id = 1'] }, { limit: 10 }]) {
      const sql = buildSelectSql('transaction.d1', { permalinkHost: 'h', columns, ...partial });
      expect(sql).toContain('LEFT JOIN LATERAL (SELECT ');
      expect(sql).toContain('WHERE faba.award_id = transaction_search.award_id) AS faba_award ON true');
    }
    // Subawards reference few awards: aggregating all of File C would cost more than it saves.
    expect(
      buildSelectSql('sub_award.d2', { permalinkHost: 'h', columns: ['prime_award_total_outlayed_amount'] }),
    ).toContain('LEFT JOIN LATERAL');
    expect(buildSelectSql('account_balances.treasury_account', { permalinkHost: 'h' })).not.toContain(
      'faba_award',
    );
  });

  it('filters the faba_award join by DEF code, with nothing left unfilled', () => {
    const sql = buildSelectSql('award.d1', { permalinkHost: 'h', defCodes: ['L'] });
    expect(sql).toContain(
      "AS def_codes, CASE WHEN COUNT(*) FILTER (WHERE faba_submission.is_final_balances_for_fy AND faba_defc.group_name = 'covid_19' AND faba.disaster_emergency_fund_code IN ('L'))",
    );
    expect(sql).not.toContain('{{');
    expect(buildSelectSql('award.d1', { permalinkHost: 'h' })).not.toContain(
      'disaster_emergency_fund_code IN',
    );
  });

  it('groups federal-account lists by their group_by columns and fills CLOSED_SUB', () => {
    const sql = buildSelectSql('account_balances.federal_account', {
      permalinkHost: 'h',
      columns: ['federal_account_symbol', 'gross_outlay_amount', 'submission_period'],
      submissionPeriod: { fiscalYear: 2021, quarter: 4, period: 12 },
      where: ['treasury_appropriation_account.funding_toptier_agency_id = 13'],
      having: 'SUM(appropriation_account_balances.gross_outlay_amount_by_tas_cpe) <> 0',
      limit: 10,
    });
    expect(sql).toContain('GROUP BY 1, 3');
    expect(sql).toContain('submission_attributes.reporting_fiscal_year = 2021 AND');
    expect(sql).toMatch(
      /WHERE \(treasury_appropriation_account\.funding_toptier_agency_id = 13\)\nGROUP BY 1, 3\nHAVING .*\nLIMIT 10$/,
    );
  });

  it('refuses what it cannot build safely', () => {
    expect(() => buildSelectSql('award_financial.federal_account', { permalinkHost: 'h' })).toThrow(
      'submission period',
    );
    expect(() => buildSelectSql('award.d1', { permalinkHost: 'h', columns: ['nope'] })).toThrow('No column');
    expect(() => buildSelectSql('award.d1', { permalinkHost: 'h', limit: -1 })).toThrow('Invalid limit');
  });

  it('keeps every column when none are requested', () => {
    expect(selectCatalogColumns(catalogFor('transaction.d2'))).toHaveLength(112);
  });
});

describe('permalinkPrefix', () => {
  it('adds https:// except for localhost hosts', () => {
    expect(permalinkPrefix('www.usaspending.gov')).toBe('https://www.usaspending.gov/award/');
    expect(permalinkPrefix('localhost:3000')).toBe('localhost:3000/award/');
  });
});

describe('closed submissions', () => {
  it('uses the whole final period at year end and the latest submissions otherwise', () => {
    expect(closedSubmissionSql({ fiscalYear: 2020, quarter: 4, period: null })).toContain(
      'reporting_fiscal_quarter = 4) OR (NOT submission_attributes.quarter_format_flag AND submission_attributes.reporting_fiscal_period = -1)',
    );
    expect(closedSubmissionSql({ fiscalYear: 2020, quarter: 2, period: 5 })).toMatch(
      /^submission_attributes\.submission_id IN \(SELECT/,
    );
    expect(closedSubmissionSql({ fiscalYear: 2020, quarter: null, period: null })).toContain(
      'submission_id IN',
    );
  });

  it('treats a missing quarter or period as -1 and rejects out-of-range input', () => {
    expect(latestSubmissionIdsSql({ fiscalYear: 2021, quarter: null, period: 7 })).toContain(
      'reporting_fiscal_quarter <= -1',
    );
    expect(() => latestSubmissionIdsSql({ fiscalYear: 2021, quarter: 5, period: 7 })).toThrow(
      'quarter out of range',
    );
    expect(() => latestSubmissionIdsSql({ fiscalYear: 2021.5, quarter: 1, period: 3 })).toThrow('fiscalYear');
  });
});
