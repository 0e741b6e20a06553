import { FileFormat } from '../../awards-download/request/download-common.rules';
import {
  COLUMNS_DESCRIPTION,
  COLUMNS_FIELD,
  FILE_FORMAT_DESCRIPTION,
  FILE_FORMAT_FIELD,
} from '../../download-request/contract/common-fields';
import { RequestField, RequestGroup } from '../../download-request/contract/request-field.decorator';
import {
  ACCOUNT_LEVELS,
  ACCOUNT_SUBMISSION_TYPES,
  AccountLevel,
  AccountSubmissionType,
} from './account-download-type.constants';

/** `filters` of POST /api/v2/download/accounts/, in the reference's rule order. */
export class AccountDownloadFilters {
  @RequestField(
    { type: 'integer', min: 1, max: 9999, required: true },
    { description: 'Fiscal year', example: 2018 },
  )
  fy!: number;

  @RequestField(
    { type: 'integer', min: 1, max: 4 },
    { description: 'Fiscal quarter (give either quarter or period)', example: 2 },
  )
  quarter?: number;

  @RequestField(
    { type: 'integer', min: 2, max: 12 },
    { description: 'Fiscal period, 2 (November) to 12 (give either quarter or period)' },
  )
  period?: number;

  @RequestField(
    { type: 'enum', values: ACCOUNT_SUBMISSION_TYPES },
    { description: 'One account file (older form of submission_types)', example: 'award_financial' },
  )
  submission_type?: AccountSubmissionType;

  @RequestField(
    { type: 'array', items: { type: 'enum', values: ACCOUNT_SUBMISSION_TYPES } },
    {
      description:
        'The account files: A (account_balances), B (object_class_program_activity), C (award_financial)',
    },
  )
  submission_types?: AccountSubmissionType[];

  @RequestField(
    { type: 'text', default: 'all' },
    { description: '`all`, a toptier agency id, or an agency abbreviation', example: '22' },
  )
  agency!: string;

  @RequestField((context) => ({ type: 'array', items: { type: 'enum', values: context.defCodes } }), {
    description: 'Disaster emergency fund codes (codes of the disaster_emergency_fund_code table)',
  })
  def_codes?: string[];

  @RequestField(
    { type: 'text', default: 'all' },
    { description: '`all` or a federal account id', example: '15' },
  )
  federal_account!: string;

  @RequestField(
    { type: 'text', default: 'all' },
    { description: '`all` or a budget function code', example: '800' },
  )
  budget_function!: string;

  @RequestField(
    { type: 'text', default: 'all' },
    { description: '`all` or a budget subfunction code', example: '801' },
  )
  budget_subfunction!: string;
}

/** The body of POST /api/v2/download/accounts/ (Files A, B and C). */
export class AccountDownloadBody {
  // Not required, yet a missing level is the enum's 400 rather than a 422: the default null fails the enum.
  @RequestField(
    { type: 'enum', values: ACCOUNT_LEVELS, default: null },
    { description: 'Rows per treasury account or summed per federal account', example: 'treasury_account' },
  )
  account_level!: AccountLevel;

  @RequestGroup(() => AccountDownloadFilters)
  filters!: AccountDownloadFilters;

  @RequestField(COLUMNS_FIELD, { description: COLUMNS_DESCRIPTION })
  columns?: string[];

  @RequestField(FILE_FORMAT_FIELD, { description: FILE_FORMAT_DESCRIPTION })
  file_format!: FileFormat;
}
