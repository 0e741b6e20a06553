import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { catalogFor } from '../catalog/catalog-lookup.util';
import { buildSelectSql, selectCatalogColumns } from '../catalog/select-sql.util';
import { AppConfig } from '../config/app-config';
import { DownloadJobEntity } from '../database/entities/download-job.entity';
import { isFabaAwardSummaryCurrent } from '../data-model/faba-award-summary';
import {
  AwardDownloadSource,
  awardDownloadSources,
  awardTypeCodesFor,
} from '../download-request/award-types/award-download-sources.util';
import { AWARD_FILE_TYPE_OF } from '../download-request/award-types/award-download-type.constants';
import { AwardTableKind } from '../filters/award-filter-columns';
import { awardFilterConditions } from '../filters/award-filter-sql.util';
import { AwardFilters, TimePeriodFilter } from '../filters/award-filter.types';
import { DownloadPlan, DownloadPlanner, DownloadSource, FileFormat } from '../generation/download-plan';
import { DownloadPlannerRegistry } from '../generation/download-planner.registry';
import { innerFileTimestamp } from '../generation/inner-file-timestamp.util';
import { DeltaCatalogKey, deltaSelectSql } from './delta-archive-sql.util';

/** What the planner reads of a stored award-level request (row-limited and bulk requests alike). */
export interface StoredAwardRequest {
  readonly columns?: readonly string[];
  readonly download_types: readonly AwardDownloadSource['downloadType'][];
  readonly file_format: FileFormat;
  readonly filters: AwardFilters & { prime_and_sub_award_types?: Record<string, string[]> };
  readonly limit?: number;
  /** Monthly delta archives (`request_type: monthly_delta`) only. */
  readonly delta?: { since: string; until: string; toptier_code: string | null };
}

/** The request type of monthly delta archive jobs (stored request: a bulk request plus its `delta` window). */
export const MONTHLY_DELTA_REQUEST_TYPE = 'monthly_delta' as const;

const TABLE_KIND: Record<'award' | 'transaction' | 'sub_award', AwardTableKind> = {
  award: 'award',
  transaction: 'transaction',
  sub_award: 'subaward',
};

const FILE_LABEL: Record<'award' | 'transaction' | 'sub_award', string> = {
  award: 'PrimeAwardSummaries',
  transaction: 'PrimeTransactions',
  sub_award: 'Subawards',
};

/**
 * Award, transaction and subaward files of `request_type: award` jobs, of
 * `search` jobs (POST /api/v2/download/search/), which are the same files of several download types at once,
 * and of the monthly delta archives (`monthly_delta`: the transaction files with the change indicator and the
 * deletions appended, see delta-archive-sql.util.ts).
 */
@Injectable()
export class AwardDownloadPlanner implements DownloadPlanner<'award'>, OnModuleInit {
  readonly requestType = 'award';

  constructor(
    private readonly config: AppConfig,
    private readonly registry: DownloadPlannerRegistry,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
    this.registry.register({ requestType: 'search', plan: (job, request) => this.plan(job, request) });
    this.registry.register({
      requestType: MONTHLY_DELTA_REQUEST_TYPE,
      plan: (job, request) => this.plan(job, request),
    });
  }

  async plan(_job: DownloadJobEntity, request: StoredAwardRequest): Promise<DownloadPlan> {
    // Row-limited requests carry no agency prefix; custom (bulk) ones always say All_ (docs/compatibility.md#inner-file-names).
    const prefix = request.limit ? '' : 'All_';
    const fabaAwardSummary = await isFabaAwardSummaryCurrent(this.dataSource);
    const sources = awardDownloadSources(request.download_types, request.filters).map((source) =>
      this.planSource(request, source, prefix, fabaAwardSummary),
    );
    return { fileFormat: request.file_format, sources };
  }

  private planSource(
    request: StoredAwardRequest,
    source: AwardDownloadSource,
    prefix: string,
    fabaAwardSummary: boolean,
  ): DownloadSource {
    const fileType = AWARD_FILE_TYPE_OF[source.downloadType];
    const group = source.group === 'contracts' ? 'Contracts' : 'Assistance';
    const baseName = `${prefix}${group}_${FILE_LABEL[fileType]}_${innerFileTimestamp(new Date())}`;
    if (selectCatalogColumns(catalogFor(source.catalogKey), request.columns).length === 0)
      return { baseName, sql: null };
    const filters = filtersForSource(request.filters, source, fileType === 'sub_award');
    const options = {
      columns: request.columns,
      permalinkHost: this.config.permalinkHost,
      defCodes: filters.def_codes,
      where: awardFilterConditions(filters, TABLE_KIND[fileType]),
      limit: request.limit,
      fabaAwardSummary,
    };
    if (request.delta && fileType === 'transaction') {
      const { since, until, toptier_code: toptierCode } = request.delta;
      const window = { since, until, toptierCode };
      return { baseName, sql: deltaSelectSql(source.catalogKey as DeltaCatalogKey, options, window) };
    }
    return { baseName, sql: buildSelectSql(source.catalogKey, options) };
  }
}

/** The filters one file applies: its own award type codes, and subaward-specific date types. */
function filtersForSource(
  filters: StoredAwardRequest['filters'],
  source: AwardDownloadSource,
  isSubaward: boolean,
): AwardFilters {
  // The per-type codes of bulk requests become this file's plain award_type_codes.
  const { prime_and_sub_award_types: _perType, ...rest } = filters;
  const codes = awardTypeCodesFor(source.downloadType, filters);
  const scoped: AwardFilters = { ...rest, award_type_codes: [...codes] };
  if (!isSubaward || !scoped.time_period) return scoped;
  // Subawards have neither "new awards only" nor a signing date (docs/compatibility.md#award-file-sources).
  return {
    ...scoped,
    time_period: scoped.time_period.map((period): TimePeriodFilter => {
      if (period.date_type === 'new_awards_only')
        return { start_date: period.start_date, end_date: period.end_date };
      return period.date_type === 'date_signed' ? { ...period, date_type: 'action_date' } : period;
    }),
  };
}
