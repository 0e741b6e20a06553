import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { CatalogKey } from '../catalog/catalog.types';
import { DownloadResponseDto } from '../download-jobs/download-response.dto';
import { DownloadSubmissionService } from '../download-jobs/download-submission.service';
import { AwardDownloadEndpoint } from './request/award-download-request.types';
import { normalizeAwardDownloadRequest } from './request/award-download-request.util';
import { MAX_DOWNLOAD_LIMIT } from './request/download-common.rules';
import { normalizeDownloadCountRequest, unusedFiltersMessage } from './request/download-count-request.util';
import { awardZipFileName } from '../download-request/file-names/award-zip-name.util';
import { normalizeSearchDownloadRequest } from './request/search-download-request.util';
import { awardFilterConditions } from '../filters/award-filter-sql.util';
import { assertFiltersApplicable } from '../filters/supported-award-filters';
import { AwardCountRepository, CountOptions, countSql } from './award-count.repository';
import { assertAwardRequestGenerable } from './award-request-check.util';
import { DownloadCountDto } from './download-count.dto';

const SEARCH_DATE_MESSAGE =
  'For searches, time period start and end dates are currently limited to an earliest date of 2007-10-01.  For data going back to 2000-10-01, use either the Custom Award Download feature on the website or one of our download or bulk_download API endpoints as listed on https://api.usaspending.gov/docs/endpoints. ';
const SUBAWARDS_DEPRECATION_MESSAGE =
  "'subawards' will be deprecated in the future. Set \u2018spending_level\u2019 to \u2018subawards\u2019 instead. See documentation for more information. ";
const TRANSACTION_NAMING_MESSAGE =
  'The above fields containing the transaction_* naming convention will be deprecated and replaced with fields without the transaction_*. ';

const COUNT_KEYS: Record<'awards' | 'transactions' | 'subawards', CatalogKey[]> = {
  awards: ['award.d1', 'award.d2'],
  transactions: ['transaction.d1', 'transaction.d2'],
  subawards: ['sub_award.d1', 'sub_award.d2'],
};

/** Advanced Search downloads (row-limited: awards, transactions, search) and their count: normalize, check, submit. */
@Injectable()
export class AwardsDownloadService {
  constructor(
    private readonly config: AppConfig,
    private readonly submissions: DownloadSubmissionService,
    private readonly counts: AwardCountRepository,
  ) {}

  download(body: unknown, endpoint: AwardDownloadEndpoint): Promise<DownloadResponseDto> {
    const request = normalizeAwardDownloadRequest(body, endpoint);
    assertAwardRequestGenerable(request);
    return this.submissions.submit({
      requestType: 'award',
      canonicalRequest: request,
      fileName: (timestamp) => awardZipFileName(request.download_types, timestamp),
    });
  }

  /** POST /api/v2/download/search/: the same path with the files `spending_level` chose, in one zip. */
  search(body: unknown): Promise<DownloadResponseDto> {
    const request = normalizeSearchDownloadRequest(body);
    assertAwardRequestGenerable(request);
    return this.submissions.submit({
      requestType: 'search',
      canonicalRequest: request,
      // Whatever the levels, the name announces all three (as the reference's does).
      fileName: (timestamp) => `PrimeAwardsTransactionsAndSubawards_${timestamp}.zip`,
    });
  }

  async count(body: unknown): Promise<DownloadCountDto> {
    const { request, keys, options, unusedFilters } = this.countPlan(body);
    const total = await this.counts.count(keys, options);
    const unusedMessage = unusedFiltersMessage(unusedFilters);
    return {
      calculated_transaction_count: total,
      maximum_transaction_limit: MAX_DOWNLOAD_LIMIT,
      transaction_rows_gt_limit: total > MAX_DOWNLOAD_LIMIT,
      calculated_count: total,
      spending_level: request.spending_level,
      maximum_limit: MAX_DOWNLOAD_LIMIT,
      rows_gt_limit: total > MAX_DOWNLOAD_LIMIT,
      messages: [
        SEARCH_DATE_MESSAGE,
        ...(unusedMessage ? [unusedMessage] : []),
        SUBAWARDS_DEPRECATION_MESSAGE,
        TRANSACTION_NAMING_MESSAGE,
      ],
    };
  }

  /** The SQL POST /download/count/ runs for this body (plan checks and benchmarks EXPLAIN it). */
  countQuery(body: unknown): string {
    const { keys, options } = this.countPlan(body);
    return countSql(keys, options);
  }

  private countPlan(body: unknown) {
    return planCount(body, this.config.permalinkHost);
  }
}

/** Validates a count body and names the files and conditions its count covers (no database access). */
export function planCount(body: unknown, permalinkHost: string) {
  const { request, unusedFilters } = normalizeDownloadCountRequest(body);
  // Validation already dropped the unknown names, which are reported in `messages`.
  const { filters } = request;
  assertFiltersApplicable(filters);
  const level = request.subawards ? 'subawards' : request.spending_level;
  const kind = level === 'awards' ? 'award' : level === 'transactions' ? 'transaction' : 'subaward';
  const options: CountOptions = {
    where: awardFilterConditions(filters, kind),
    permalinkHost,
    defCodes: filters.def_codes,
  };
  return { request, keys: COUNT_KEYS[level], options, unusedFilters };
}
