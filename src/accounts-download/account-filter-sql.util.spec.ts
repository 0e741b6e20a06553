import { AccountFilters } from './request/account-download-request.types';
import { accountFileSources, nonZeroGroupCondition, nonZeroRowCondition } from './account-file-sources.util';
import { accountFilterConditions, submissionCondition } from './account-filter-sql.util';

const ALL: AccountFilters = {
  agency: 'all',
  budget_function: 'all',
  budget_subfunction: 'all',
  federal_account: 'all',
  fy: 2022,
  quarter: 2,
  period: 6,
  submission_types: ['account_balances'],
};

describe('account row conditions', () => {
  it('adds nothing but the submission condition for `all` filters', () => {
    const conditions = accountFilterConditions({ ...ALL, agency: 'ALL' }, 'account_balances', 'aab');
    expect(conditions).toHaveLength(1);
    expect(conditions[0]).toMatch(
      /^submission_attributes\.reporting_fiscal_year = 2022 AND submission_attributes\.submission_id IN \(SELECT ranked/,
    );
  });

  it('escapes every value and skips DEF codes for File A', () => {
    const filters = {
      ...ALL,
      agency: "O'B",
      federal_account: '0015',
      budget_function: "8'00",
      budget_subfunction: '801',
      def_codes: ['L', "M'"],
    };
    const [agency, federal, fn, subfn, ...rest] = accountFilterConditions(filters, 'account_balances', 'aab');
    expect(agency).toContain("abbreviation = 'O''B'");
    expect(agency).toContain("toptier_agency_id::text = ''");
    expect(federal).toBe('treasury_appropriation_account.federal_account_id = 15');
    expect(fn).toBe("treasury_appropriation_account.budget_function_code = '8''00'");
    expect(subfn).toBe("treasury_appropriation_account.budget_subfunction_code = '801'");
    expect(rest).toHaveLength(1);
    const fileB = accountFilterConditions(filters, 'object_class_program_activity', 'fabpaoc');
    expect(fileB).toContain("fabpaoc.disaster_emergency_fund_code IN ('L', 'M''')");
  });

  it('prefers the id for an all-digit agency', () => {
    const [agency] = accountFilterConditions({ ...ALL, agency: '022' }, 'award_financial', 'faba');
    expect(agency).toContain("toptier_agency_id::text = '22' OR abbreviation = '022'");
  });

  it('takes every File C submission up to the period, a missing half matching nothing', () => {
    expect(submissionCondition({ ...ALL, quarter: null, period: 7 }, 'award_financial')).toBe(
      'submission_attributes.reporting_fiscal_year = 2022 AND ((NOT submission_attributes.quarter_format_flag AND submission_attributes.reporting_fiscal_period <= 7) OR (submission_attributes.quarter_format_flag AND submission_attributes.reporting_fiscal_quarter <= -1))',
    );
  });
});

describe('account file sources', () => {
  it('splits File C in three and keeps download-type order', () => {
    const sources = accountFileSources(
      ['account_balances', 'award_financial', 'object_class_program_activity'],
      'federal_account',
    );
    expect(sources.map((source) => `${source.catalogKey}:${source.group}`)).toEqual([
      'account_balances.federal_account:',
      'award_financial.federal_account:Contracts_',
      'award_financial.federal_account:Assistance_',
      'award_financial.federal_account:Unlinked_',
      'object_class_program_activity.federal_account:',
    ]);
  });

  it('tests the non-zero rule on raw rows, or on the sums with closed-period outlays', () => {
    expect(nonZeroRowCondition()).toContain(
      'financial_accounts_by_awards.transaction_obligated_amount <> 0 OR',
    );
    const having = nonZeroGroupCondition({ fiscalYear: 2022, quarter: 4, period: 12 });
    expect(having).toContain('SUM(financial_accounts_by_awards.transaction_obligated_amount) <> 0');
    expect(having).toContain('submission_attributes.reporting_fiscal_period = 12');
    expect(having).not.toContain('{{');
  });
});
