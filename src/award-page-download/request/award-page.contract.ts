import {
  FILE_FORMATS,
  FileFormat,
  MAX_DOWNLOAD_LIMIT,
} from '../../awards-download/request/download-common.rules';
import {
  COLUMNS_DESCRIPTION,
  COLUMNS_FIELD,
  FILE_FORMAT_DESCRIPTION,
  limitField,
} from '../../download-request/contract/common-fields';
import { RequestField } from '../../download-request/contract/request-field.decorator';

/**
 * The body of POST /api/v2/download/idv/, /contract/ and /assistance/, in the reference's rule order.
 * `award_id` is an integer (integer-like strings become integers) or any other non-empty text, kept as sent;
 * `file_format` is case-sensitive on these three routes.
 */
export class AwardPageBody {
  @RequestField(
    { type: 'any', models: [{ type: 'integer' }, { type: 'text', textType: 'raw' }], required: true },
    {
      description: 'The internal award id or the generated unique award id',
      example: 'CONT_AWD_CIA22B000009C_056XX_-NONE-_-NONE-',
    },
  )
  award_id!: number | string;

  @RequestField(limitField(), { description: `Rows per file, at most ${MAX_DOWNLOAD_LIMIT}` })
  limit!: number;

  @RequestField(COLUMNS_FIELD, { description: COLUMNS_DESCRIPTION })
  columns?: string[];

  @RequestField(
    { type: 'enum', values: FILE_FORMATS, default: 'csv' },
    { description: FILE_FORMAT_DESCRIPTION },
  )
  file_format!: FileFormat;
}
