import { Injectable, OnModuleInit } from '@nestjs/common';
import { catalogFor } from '../catalog/catalog-lookup.util';
import { buildSelectSql, selectCatalogColumns } from '../catalog/select-sql.util';
import { AppConfig } from '../config/app-config';
import { AwardPageDownloadRequest, AwardPageKind } from './request/award-page-request.types';
import { awardPageFileBaseName } from '../download-request/file-names/award-page-names.util';
import { DATA_DICTIONARY_FILE_NAME, dataDictionary } from '../download-extras/data-dictionary.util';
import { ReadmeTemplate, renderReadme } from '../download-extras/readme-template.util';
import { DownloadPlan, DownloadSource } from '../generation/download-plan';
import { DownloadPlannerRegistry } from '../generation/download-planner.registry';
import { AWARD_PAGE_FILES, AwardPageFile } from './award-page-files.util';

const README_TEMPLATE: Readonly<Record<AwardPageKind, ReadmeTemplate>> = {
  idv: 'idv_download_readme.txt',
  contract: 'ContractSummary_download_readme.txt',
  assistance: 'AssistanceSummary_download_readme.txt',
};

/**
 * The files of `idv`, `contract` and `assistance` jobs: three data files (each at most `limit` rows, no row
 * order), then the data dictionary and the page's readme.
 */
@Injectable()
export class AwardPageDownloadPlanner implements OnModuleInit {
  constructor(
    private readonly config: AppConfig,
    private readonly registry: DownloadPlannerRegistry,
  ) {}

  onModuleInit(): void {
    for (const kind of ['idv', 'contract', 'assistance'] as const) {
      this.registry.register({ requestType: kind, plan: (_job, request) => this.plan(kind, request) });
    }
  }

  async plan(kind: AwardPageKind, request: AwardPageDownloadRequest): Promise<DownloadPlan> {
    const awardId = request.request_type === 'idv' ? request.filters.idv_award_id : request.award_id;
    const identifier = request.request_type === 'assistance' ? request.assistance_id : request.piid;
    const sources = AWARD_PAGE_FILES[kind].map((file) =>
      this.planFile(kind, file, request, awardId, identifier),
    );
    // The IDV template has no award placeholder; the others link to the award page by internal id.
    const readmeAwardId = request.request_type === 'idv' ? null : request.award_id;
    return {
      fileFormat: request.file_format,
      sources,
      extraEntries: [
        { name: DATA_DICTIONARY_FILE_NAME, content: await dataDictionary() },
        {
          name: request.include_file_description.destination,
          content: renderReadme(README_TEMPLATE[kind], readmeAwardId),
        },
      ],
    };
  }

  private planFile(
    kind: AwardPageKind,
    file: AwardPageFile,
    request: AwardPageDownloadRequest,
    awardId: number,
    identifier: string | null,
  ): DownloadSource {
    const baseName = awardPageFileBaseName(kind, identifier, file.label);
    if (selectCatalogColumns(catalogFor(file.catalogKey), request.columns).length === 0)
      return { baseName, sql: null };
    const sql = buildSelectSql(file.catalogKey, {
      columns: request.columns,
      permalinkHost: this.config.permalinkHost,
      where: file.where(awardId),
      limit: request.limit,
    });
    return { baseName, sql };
  }
}
