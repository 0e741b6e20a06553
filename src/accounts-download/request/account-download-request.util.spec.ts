import {
  checkAccountRequestShape,
  finishAccountDownloadRequest,
  validateAccountDownloadRequest,
} from './account-download-request.util';
import { BolsteredPeriod } from './account-download-request.types';
import { SEED_ACCOUNT_EXAMPLE } from '../../download-request/seed-examples';

const NOTHING_REVEALED: BolsteredPeriod = { quarter: null, period: null };

function normalize(body: unknown, bolstered: BolsteredPeriod = NOTHING_REVEALED) {
  const checked = checkAccountRequestShape(validateAccountDownloadRequest(body, ['A', 'L', 'M']));
  return finishAccountDownloadRequest(checked, bolstered);
}

describe('account download request: normalization (docs/compatibility.md#account-downloads)', () => {
  it('normalizes the reference example of an account request (empty schedule)', () => {
    const request = normalize({
      account_level: 'treasury_account',
      filters: { submission_types: ['account_balances'], fy: '2017', quarter: '3' },
    });
    expect(JSON.stringify(request)).toBe(
      JSON.stringify({
        account_level: 'treasury_account',
        download_types: ['account_balances'],
        file_format: 'csv',
        filters: {
          agency: 'all',
          budget_function: 'all',
          budget_subfunction: 'all',
          federal_account: 'all',
          fy: 2017,
          period: null,
          quarter: 3,
          submission_types: ['account_balances'],
        },
        request_type: 'account',
      }),
    );
  });

  it("accepts the seed's example: string numbers, the legacy type, a database id", () => {
    const request = normalize(SEED_ACCOUNT_EXAMPLE, { quarter: null, period: 5 });
    expect(request.download_types).toEqual(['award_financial']);
    expect(request.filters).toEqual({
      agency: '22',
      budget_function: '800',
      budget_subfunction: '801',
      federal_account: '15',
      fy: 2018,
      period: 5,
      quarter: 2,
      submission_types: ['award_financial'],
    });
  });

  it("maps the seed's program_activity_object_class and an integer agency", () => {
    const request = normalize({
      account_level: 'federal_account',
      filters: { agency: 22, submission_type: 'program_activity_object_class', fy: 2022, period: 7 },
    });
    expect(request.filters.agency).toBe('22');
    expect(request.download_types).toEqual(['object_class_program_activity']);
    expect(request.filters).not.toHaveProperty('submission_type');
  });

  it('keeps the legacy key when both forms are sent, sorts and de-duplicates types', () => {
    const request = normalize({
      account_level: 'treasury_account',
      filters: {
        fy: 2022,
        period: 12,
        submission_type: 'program_activity_object_class',
        submission_types: ['award_financial', 'account_balances', 'award_financial'],
        def_codes: ['M', 'L', 'M'],
        agency: '  TREAS ',
        unknown_filter: 1,
      },
      columns: [' treasury_account_symbol', 'submission_period', 'treasury_account_symbol'],
      file_format: 'PSTXT',
    });
    expect(request).toEqual({
      account_level: 'treasury_account',
      columns: ['treasury_account_symbol', 'submission_period'],
      download_types: ['account_balances', 'award_financial'],
      file_format: 'pstxt',
      filters: {
        agency: 'TREAS',
        budget_function: 'all',
        budget_subfunction: 'all',
        def_codes: ['L', 'M', 'M'],
        federal_account: 'all',
        fy: 2022,
        period: 12,
        quarter: null,
        submission_type: 'object_class_program_activity',
        submission_types: ['account_balances', 'award_financial'],
      },
      request_type: 'account',
    });
  });

  it('leaves columns out when they are empty or null', () => {
    for (const columns of [[], null, '']) {
      const request = normalize({
        account_level: 'treasury_account',
        filters: { fy: 2022, quarter: 1, submission_types: ['account_balances'] },
        columns,
      });
      expect(request).not.toHaveProperty('columns');
    }
  });

  it('fills the missing half of quarter/period from the bolstered value only', () => {
    const body = {
      account_level: 'treasury_account',
      filters: { fy: 2022, quarter: 3, submission_type: 'award_financial' },
    };
    expect(normalize(body, { quarter: null, period: 9 }).filters).toMatchObject({ quarter: 3, period: 9 });
    const byPeriod = { ...body, filters: { fy: 2022, period: 8, submission_type: 'award_financial' } };
    expect(normalize(byPeriod, { quarter: 2, period: null }).filters).toMatchObject({
      quarter: 2,
      period: 8,
    });
  });
});
