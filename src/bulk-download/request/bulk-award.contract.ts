import { FileFormat } from '../../awards-download/request/download-common.rules';
import { AGENCY_OBJECT, LOCATION_OBJECT, SCOPE_RULE, textList } from '../../filters/award-filter-parts.rules';
import { AgencyFilter, LocationFilter, LocationScope } from '../../filters/award-filter.types';
import {
  AWARD_TYPE_CODES,
  AWARD_TYPE_GROUPS,
  AwardTypeGroup,
  SUBAWARD_TYPES,
  SubawardType,
} from '../../download-request/award-types/award-type-codes.constants';
import {
  COLUMNS_DESCRIPTION,
  COLUMNS_FIELD,
  FILE_FORMAT_DESCRIPTION,
  FILE_FORMAT_FIELD,
} from '../../download-request/contract/common-fields';
import {
  RequestField,
  RequestGroup,
  RuleContext,
} from '../../download-request/contract/request-field.decorator';

/** Default `start_date` of a custom bulk request: the reference's "since forever". */
export const BULK_DEFAULT_START_DATE = '1000-01-01';

/** The seeds' `award_levels` (seed 001). */
export const BULK_AWARD_LEVELS = ['prime_awards', 'sub_awards'] as const;

const seedForm = (context: RuleContext): boolean => context.seedForm;

/**
 * Custom-mode filters of POST /api/v2/bulk_download/awards/ in the reference's order, so a request with
 * several problems gets the reference's error. `keywords` (from `keyword`, applied here) always; seed 001's
 * `award_types` categories only in the seed form, where they stand in for `prime_award_types` /
 * `sub_award_types`.
 */
export class BulkAwardFilters {
  @RequestField({ type: 'array', items: AGENCY_OBJECT })
  agencies?: AgencyFilter[];

  @RequestField({ type: 'integer' }, { description: 'A toptier agency id, or "all"', example: 50 })
  agency?: number;

  @RequestField(
    (context) => ({
      type: 'object',
      members: {
        start_date: { type: 'date', default: BULK_DEFAULT_START_DATE },
        end_date: { type: 'date', default: context.today },
      },
      required: true,
    }),
    {
      description: 'Action (or last-modified) dates, at most one year apart; end_date defaults to today',
      example: { start_date: '2019-01-01', end_date: '2019-12-31' },
    },
  )
  date_range!: { start_date: string; end_date: string };

  @RequestField(
    { type: 'enum', values: ['action_date', 'last_modified_date'], default: 'action_date' },
    { example: 'action_date' },
  )
  date_type!: 'action_date' | 'last_modified_date';

  @RequestField({ type: 'array', items: LOCATION_OBJECT })
  place_of_performance_locations?: LocationFilter[];

  @RequestField(SCOPE_RULE)
  place_of_performance_scope?: LocationScope;

  @RequestField(
    { type: 'array', items: { type: 'enum', values: AWARD_TYPE_CODES } },
    { description: 'Prime award type codes (give these and/or sub_award_types, or the seed form)' },
  )
  prime_award_types?: string[];

  @RequestField({ type: 'array', items: LOCATION_OBJECT })
  recipient_locations?: LocationFilter[];

  @RequestField(SCOPE_RULE)
  recipient_scope?: LocationScope;

  @RequestField({ type: 'text' }, { description: 'A sub-tier agency name, or "all"' })
  sub_agency?: string;

  @RequestField(
    { type: 'array', items: { type: 'enum', values: SUBAWARD_TYPES } },
    { description: 'Subaward types' },
  )
  sub_award_types?: SubawardType[];

  @RequestField(textList(), { description: 'Search words' })
  keywords?: string[];

  @RequestField(
    { type: 'array', items: { type: 'enum', values: Object.keys(AWARD_TYPE_GROUPS) }, required: true },
    {
      description: 'Seed form: award categories (with award_levels, instead of prime/sub award types)',
      example: ['contracts', 'grants'],
      when: seedForm,
      after: 'award_levels',
    },
  )
  award_types?: AwardTypeGroup[];
}

/** The body of POST /api/v2/bulk_download/awards/ (Custom Award Data). */
export class BulkAwardBody {
  @RequestGroup(() => BulkAwardFilters)
  filters!: BulkAwardFilters;

  @RequestField(
    { type: 'array', items: { type: 'enum', values: BULK_AWARD_LEVELS }, required: true },
    {
      description: 'Seed form: prime awards (transactions), subawards or both',
      example: ['prime_awards', 'sub_awards'],
      when: seedForm,
    },
  )
  award_levels?: ('prime_awards' | 'sub_awards')[];

  @RequestField(COLUMNS_FIELD, { description: COLUMNS_DESCRIPTION })
  columns?: string[];

  @RequestField(FILE_FORMAT_FIELD, { description: FILE_FORMAT_DESCRIPTION })
  file_format!: FileFormat;
}

class KeywordFilters {
  @RequestField(textList())
  transaction_keyword_search!: string[];
}

/**
 * Keyword mode (only `keywords` among the filters), as the route rewrites the body for it: the keywords (no
 * 3-character minimum here) and `award_levels`, which the reference reads as `download_types` and only allows
 * to be `["prime_awards"]`.
 */
export class BulkKeywordRequest {
  @RequestGroup(() => KeywordFilters)
  filters!: KeywordFilters;

  @RequestField({ type: 'array', items: { type: 'enum', values: ['prime_awards'] } })
  download_types?: 'prime_awards'[];

  @RequestField(COLUMNS_FIELD)
  columns?: string[];

  @RequestField(FILE_FORMAT_FIELD)
  file_format!: FileFormat;
}
