import { FileFormat } from '../../awards-download/request/download-common.rules';
import { AWARD_TYPE_CODES } from '../../download-request/award-types/award-type-codes.constants';
import { compareCodePoints } from '../../download-request/canonical/python-compare.util';
import {
  COLUMNS_DESCRIPTION,
  COLUMNS_FIELD,
  FILE_FORMAT_DESCRIPTION,
  FILE_FORMAT_FIELD,
} from '../../download-request/contract/common-fields';
import { RequestField, RequestGroup } from '../../download-request/contract/request-field.decorator';

export class DisasterFilters {
  @RequestField(
    (context) => ({
      type: 'array',
      items: { type: 'enum', values: context.covidCodes },
      default: [...context.covidCodes],
    }),
    {
      description:
        'One COVID-19 DEFC (a generated profile) or all of them (the default: the pre-generated file)',
      example: ['O'],
    },
  )
  def_codes!: string[];
}

/** The body of POST /api/v2/download/disaster/: only these fields are read. */
export class DisasterDownloadBody {
  @RequestGroup(() => DisasterFilters)
  filters!: DisasterFilters;

  @RequestField(COLUMNS_FIELD, { description: COLUMNS_DESCRIPTION })
  columns?: string[];

  @RequestField(FILE_FORMAT_FIELD, { description: FILE_FORMAT_DESCRIPTION })
  file_format!: FileFormat;
}

export class DisasterRecipientFilters {
  @RequestField(
    (context) => ({ type: 'array', items: { type: 'enum', values: context.defCodes }, required: true }),
    { description: 'Disaster emergency fund codes', example: ['L', 'M', 'N', 'O', 'P', 'U', 'V'] },
  )
  def_codes!: string[];

  @RequestField({ type: 'text', textType: 'search' }, { description: 'Words of the recipient name' })
  query?: string;

  @RequestField(
    { type: 'array', items: { type: 'enum', values: [...AWARD_TYPE_CODES].sort(compareCodePoints) } },
    { description: 'Award type codes (one category names the file)', example: ['07', '08'] },
  )
  award_type_codes?: string[];
}

/** The body of POST /api/v2/download/disaster/recipients/. */
export class DisasterRecipientBody {
  @RequestGroup(() => DisasterRecipientFilters)
  filters!: DisasterRecipientFilters;

  @RequestField(COLUMNS_FIELD, { description: COLUMNS_DESCRIPTION })
  columns?: string[];

  @RequestField(FILE_FORMAT_FIELD, { description: FILE_FORMAT_DESCRIPTION })
  file_format!: FileFormat;
}
