import { AccountDownloadBody } from '../../accounts-download/request/account-download.contract';
import { BulkAwardBody } from '../../bulk-download/request/bulk-award.contract';
import {
  ListMonthlyFilesBody,
  ListUnlinkedAwardsFilesBody,
} from '../../bulk-download/request/bulk-listing.contracts';
import { requiredRouteFields, ruleContext, rulesOf } from './request-field.decorator';
import { validateContract } from './typed-request.util';

describe('request contracts', () => {
  it('give the rule list in declaration order, groups as key paths', () => {
    expect(
      rulesOf(AccountDownloadBody, ruleContext({ defCodes: ['L', 'M'] })).map((rule) => rule.key),
    ).toEqual([
      'account_level',
      'filters|fy',
      'filters|quarter',
      'filters|period',
      'filters|submission_type',
      'filters|submission_types',
      'filters|agency',
      'filters|def_codes',
      'filters|federal_account',
      'filters|budget_function',
      'filters|budget_subfunction',
      'columns',
      'file_format',
    ]);
  });

  it('give the required fields a route checks itself, in declaration order', () => {
    expect(requiredRouteFields(ListMonthlyFilesBody)).toEqual(['agency', 'fiscal_year', 'type']);
    expect(requiredRouteFields(ListUnlinkedAwardsFilesBody)).toEqual(['toptier_code']);
  });

  it('fill request-time values and drop the fields of another form', () => {
    const seed = rulesOf(BulkAwardBody, ruleContext({ today: '2026-12-01', seedForm: true }));
    expect(seed.map((rule) => rule.key).slice(-4)).toEqual([
      'award_levels',
      'filters|award_types',
      'columns',
      'file_format',
    ]);
    const range = seed.find((rule) => rule.key === 'filters|date_range');
    expect(range).toMatchObject({ members: { end_date: { default: '2026-12-01' } } });
    const newer = rulesOf(BulkAwardBody, ruleContext({ today: '2026-12-01' })).map((rule) => rule.key);
    expect(newer).not.toContain('award_levels');
    expect(newer).not.toContain('filters|award_types');
  });

  it('return the validated request as an instance without the fields it lacks', () => {
    const typed = validateContract(AccountDownloadBody, ruleContext({ defCodes: ['L'] }), {
      account_level: 'treasury_account',
      filters: { fy: '2018', quarter: 2, submission_types: ['award_financial'] },
    });
    expect(typed).toBeInstanceOf(AccountDownloadBody);
    expect(JSON.parse(JSON.stringify(typed))).toEqual({
      account_level: 'treasury_account',
      file_format: 'csv',
      filters: {
        agency: 'all',
        budget_function: 'all',
        budget_subfunction: 'all',
        federal_account: 'all',
        fy: 2018,
        quarter: 2,
        submission_types: ['award_financial'],
      },
    });
    expect(Object.keys(typed.filters)).not.toContain('period');
    expect(Object.keys(typed)).not.toContain('columns');
  });

  it('keep the validator’s messages', () => {
    expect(() =>
      validateContract(AccountDownloadBody, ruleContext(), { account_level: 'x', filters: { fy: 2018 } }),
    ).toThrow("Field 'account_level' is outside valid values ['federal_account', 'treasury_account']");
  });
});
