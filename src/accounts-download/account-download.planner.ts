import { Injectable, OnModuleInit } from '@nestjs/common';
import { catalogFor } from '../catalog/catalog-lookup.util';
import { buildSelectSql, selectCatalogColumns } from '../catalog/select-sql.util';
import { AppConfig } from '../config/app-config';
import { DownloadJobEntity } from '../database/entities/download-job.entity';
import { AccountDownloadRequest } from './request/account-download-request.types';
import { accountInnerFileBaseName, dataQuarters } from './request/account-file-names.util';
import { DownloadPlan, DownloadPlanner, DownloadSource } from '../generation/download-plan';
import { DownloadPlannerRegistry } from '../generation/download-planner.registry';
import { innerFileTimestamp } from '../generation/inner-file-timestamp.util';
import {
  AccountFileSource,
  accountFileSources,
  nonZeroGroupCondition,
  nonZeroRowCondition,
} from './account-file-sources.util';
import { accountFilterConditions, submissionPeriodOf } from './account-filter-sql.util';

/**
 * Files A, B and C of `request_type: account` jobs (docs/compatibility.md#account-file-rows). Each file is one SELECT: at the
 * treasury-account level one row per source row, at the federal-account level the catalog's GROUP BY with its
 * sums, closed-period outlays and joined texts — PostgreSQL aggregates while COPY streams.
 */
@Injectable()
export class AccountDownloadPlanner implements DownloadPlanner<'account'>, OnModuleInit {
  readonly requestType = 'account';

  constructor(
    private readonly config: AppConfig,
    private readonly registry: DownloadPlannerRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  plan(_job: DownloadJobEntity, request: AccountDownloadRequest): Promise<DownloadPlan> {
    const sources = accountFileSources(request.download_types, request.account_level).map((source) =>
      this.planSource(request, source),
    );
    return Promise.resolve({ fileFormat: request.file_format, sources });
  }

  private planSource(request: AccountDownloadRequest, source: AccountFileSource): DownloadSource {
    const { filters } = request;
    const baseName = accountInnerFileBaseName({
      dataQuarters: dataQuarters(filters.fy, filters.quarter, filters.period),
      level: request.account_level,
      submissionType: source.submissionType,
      group: source.group,
      timestamp: innerFileTimestamp(new Date()),
    });
    const catalog = catalogFor(source.catalogKey);
    if (selectCatalogColumns(catalog, request.columns).length === 0) return { baseName, sql: null };
    const period = submissionPeriodOf(filters);
    const where = accountFilterConditions(filters, source.submissionType, catalog.baseTable);
    if (source.groupCondition) where.push(source.groupCondition);
    const isFileC = source.submissionType === 'award_financial';
    const isFederal = request.account_level === 'federal_account';
    if (isFileC && !isFederal) where.push(nonZeroRowCondition());
    const sql = buildSelectSql(source.catalogKey, {
      columns: request.columns,
      permalinkHost: this.config.permalinkHost,
      submissionPeriod: period,
      where,
      having: isFileC && isFederal ? nonZeroGroupCondition(period) : undefined,
    });
    return { baseName, sql };
  }
}
