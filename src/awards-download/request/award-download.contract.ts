import { AwardFilterContract } from '../../filters/award-filters.contract';
import {
  AWARD_DOWNLOAD_TYPES,
  AwardDownloadType,
} from '../../download-request/award-types/award-download-type.constants';
import {
  COLUMNS_DESCRIPTION,
  COLUMNS_FIELD,
  FILE_FORMAT_DESCRIPTION,
  FILE_FORMAT_FIELD,
  limitField,
} from '../../download-request/contract/common-fields';
import {
  CheckedByRoute,
  RequestField,
  RequestGroup,
} from '../../download-request/contract/request-field.decorator';
import { FileFormat, MAX_DOWNLOAD_LIMIT } from './download-common.rules';

/** The body of POST /api/v2/download/awards/ and /transactions/ (and, with spending_level, /search/). */
export class AwardDownloadBody {
  @RequestGroup(() => AwardFilterContract, 'Advanced Search filters; at least one')
  filters!: AwardFilterContract;

  @RequestField(limitField(), { description: `Rows per file, at most ${MAX_DOWNLOAD_LIMIT}` })
  limit!: number;

  @RequestField({ type: 'array', items: { type: 'enum', values: AWARD_DOWNLOAD_TYPES } }, { hidden: true })
  download_types?: AwardDownloadType[];

  @RequestField(COLUMNS_FIELD, { description: COLUMNS_DESCRIPTION })
  columns?: string[];

  @RequestField(FILE_FORMAT_FIELD, { description: FILE_FORMAT_DESCRIPTION })
  file_format!: FileFormat;
}

/** The body of POST /api/v2/download/search/: the award download's, plus the levels to include. */
export class SearchDownloadBody extends AwardDownloadBody {
  @CheckedByRoute(
    { type: 'array', items: { type: 'enum', values: ['awards', 'transactions', 'subawards'] } },
    {
      description: 'Which files: prime award summaries, prime transactions, subawards (default: all three)',
      example: ['awards', 'transactions', 'subawards'],
    },
  )
  spending_level?: string[];
}

/** The body of POST /api/v2/download/count/: the count's own fields come before the filters. */
export class DownloadCountBody {
  @RequestField(
    { type: 'boolean', default: false },
    { description: 'Count subawards (older form of spending_level)' },
  )
  subawards!: boolean;

  @RequestField(
    { type: 'enum', values: ['awards', 'transactions', 'subawards'], default: 'transactions' },
    { description: 'What to count' },
  )
  spending_level!: 'awards' | 'transactions' | 'subawards';

  @RequestGroup(() => AwardFilterContract, 'Advanced Search filters; {} counts everything')
  filters!: AwardFilterContract;
}
