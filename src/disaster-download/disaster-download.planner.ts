import { Injectable, OnModuleInit } from '@nestjs/common';
import { catalogFor } from '../catalog/catalog-lookup.util';
import { buildSelectSql, selectCatalogColumns } from '../catalog/select-sql.util';
import { AppConfig } from '../config/app-config';
import { DownloadJobEntity } from '../database/entities/download-job.entity';
import {
  CovidProfileRequest,
  DisasterDownloadRequest,
  DisasterRecipientRequest,
} from './request/disaster-request.types';
import { DATA_DICTIONARY_FILE_NAME, dataDictionary } from '../download-extras/data-dictionary.util';
import { renderReadme } from '../download-extras/readme-template.util';
import { likePattern, literalList } from '../filters/sql-literal.util';
import { DownloadPlan, DownloadSource, ExtraZipEntry, FileFormat } from '../generation/download-plan';
import { DownloadPlannerRegistry } from '../generation/download-planner.registry';
import { innerFileTimestamp } from '../generation/inner-file-timestamp.util';
import { covidProfileFiles, DisasterFile, generatedDisasterFiles } from './disaster-files.util';

/** The request types of COVID-19 jobs: one DEFC, the pre-generated profile, the recipient file. */
export const DISASTER_REQUEST_TYPE = 'disaster';
export const COVID_PROFILE_REQUEST_TYPE = 'covid_profile';
export const DISASTER_RECIPIENT_REQUEST_TYPE = 'disaster_recipient';

const README_NAME = 'COVID-19_download_readme.txt';

/** The profile's inner files carry the zip's timestamp without its microseconds (taken once per run). */
function profileTimestamp(fileName: string): string {
  const match = /(\d{4}-\d{2}-\d{2}_H\d{2}M\d{2}S\d{2})\d{6}\.zip$/.exec(fileName);
  return match ? match[1] : innerFileTimestamp(new Date());
}

/** The files of COVID-19 jobs; none has a row limit (parts of ROWS_PER_FILE_PART rows instead). */
@Injectable()
export class DisasterDownloadPlanner implements OnModuleInit {
  constructor(
    private readonly config: AppConfig,
    private readonly registry: DownloadPlannerRegistry,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      requestType: DISASTER_REQUEST_TYPE,
      plan: (_job, request) => this.planGenerated(request),
    });
    this.registry.register({
      requestType: COVID_PROFILE_REQUEST_TYPE,
      plan: (job, request) => this.planProfile(job, request),
    });
    this.registry.register({
      requestType: DISASTER_RECIPIENT_REQUEST_TYPE,
      plan: (_job, request) => this.planRecipients(request),
    });
  }

  async planGenerated(request: DisasterDownloadRequest): Promise<DownloadPlan> {
    const latest = {
      fiscalYear: request.account_filters.latest_fiscal_year,
      period: request.account_filters.latest_fiscal_period,
    };
    const files = generatedDisasterFiles(request.filters.def_codes[0], latest);
    const sources = files.map((file) =>
      this.source(file, `${file.label}_${innerFileTimestamp(new Date())}`, request.columns),
    );
    return { fileFormat: request.file_format, sources, extraEntries: await this.extras() };
  }

  async planProfile(job: DownloadJobEntity, { filters }: CovidProfileRequest): Promise<DownloadPlan> {
    const latest = {
      fiscalYear: Number(filters.latest_fiscal_year),
      period: Number(filters.latest_fiscal_period),
    };
    const timestamp = profileTimestamp(job.fileName);
    const sources = covidProfileFiles(latest).map((file) => this.source(file, `${file.label}_${timestamp}`));
    // The reference's profile is always CSV.
    return { fileFormat: 'csv' as FileFormat, sources, extraEntries: await this.extras() };
  }

  planRecipients(request: DisasterRecipientRequest): Promise<DownloadPlan> {
    const { filters } = request;
    const where = [
      ...(filters.query
        ? // ILIKE as PostgreSQL evaluates it in a multibyte database, in the form the trigram index
          // on lower(recipient_name) serves (CountIndexes1764000001150).
          [`lower(award_search.recipient_name) LIKE lower(${likePattern('%', filters.query.text, '%')})`]
        : []),
      ...(filters.award_type_codes
        ? [`award_search.type IN (${literalList(filters.award_type_codes)})`]
        : []),
    ];
    const file: DisasterFile = {
      label: `COVID-19_Recipients_${request.award_category}`,
      catalogKey: 'disaster_recipient.recipient',
      where,
      defCodes: filters.def_codes,
    };
    const source = this.source(file, `${file.label}_${innerFileTimestamp(new Date())}`, request.columns);
    return Promise.resolve({ fileFormat: request.file_format, sources: [source] });
  }

  private source(file: DisasterFile, baseName: string, columns?: readonly string[]): DownloadSource {
    if (selectCatalogColumns(catalogFor(file.catalogKey), columns).length === 0)
      return { baseName, sql: null };
    const sql = buildSelectSql(file.catalogKey, {
      columns,
      permalinkHost: this.config.permalinkHost,
      defCodes: file.defCodes,
      where: file.where,
    });
    return { baseName, sql };
  }

  private async extras(): Promise<ExtraZipEntry[]> {
    return [
      { name: DATA_DICTIONARY_FILE_NAME, content: await dataDictionary() },
      { name: README_NAME, content: renderReadme('COVID-19_download_readme.txt', null) },
    ];
  }
}
