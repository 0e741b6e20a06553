import { Injectable, OnModuleInit } from '@nestjs/common';
import { renderReadme } from '../../download-extras/readme-template.util';
import { DownloadJobEntity } from '../../database/entities/download-job.entity';
import { DownloadPlan } from '../../generation/download-plan';
import { DownloadPlannerRegistry } from '../../generation/download-planner.registry';
import { innerFileTimestamp } from '../../generation/inner-file-timestamp.util';
import { sanitizedAgencyName } from './unlinked-awards-name.util';
import {
  unlinkedAccountsSql,
  unlinkedAssistanceSql,
  unlinkedContractsSql,
  unlinkedSummarySql,
} from './unlinked-awards-sql.util';

export const UNLINKED_AWARDS_REQUEST_TYPE = 'unlinked_awards';

/** What an unlinked-awards archive job stores. */
export interface UnlinkedAwardsRequest {
  /** The name the archive's files are named after (UnlinkedAgency.archiveName). */
  readonly agency_name: string;
  readonly toptier_code: string;
}

const README_NAME = 'unlinked_awards_instructions_readme.txt';

/**
 * The four files of an agency's unlinked-awards archive, then its instructions. Inner files carry the zip's
 * timestamp without microseconds and two-digit parts (`_01`), as the reference's Spark-made archives do.
 */
@Injectable()
export class UnlinkedAwardsPlanner implements OnModuleInit {
  readonly requestType = UNLINKED_AWARDS_REQUEST_TYPE;

  constructor(private readonly registry: DownloadPlannerRegistry) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  plan(job: DownloadJobEntity, request: UnlinkedAwardsRequest): Promise<DownloadPlan> {
    const match = /(\d{4}-\d{2}-\d{2}_H\d{2}M\d{2}S\d{2})\d{6}\.zip$/.exec(job.fileName);
    const timestamp = match ? match[1] : innerFileTimestamp(new Date());
    const agency = sanitizedAgencyName(request.agency_name);
    const code = request.toptier_code;
    const file = (label: string, sql: string) => ({
      baseName: `${agency}_${label}_${timestamp}`,
      sql,
      partDigits: 2,
    });
    return Promise.resolve({
      fileFormat: 'csv',
      sources: [
        file('UnlinkedAwardsSummary', unlinkedSummarySql(code)),
        file('UnlinkedContracts', unlinkedContractsSql(code)),
        file('UnlinkedFinancialAssistance', unlinkedAssistanceSql(code)),
        file('UnlinkedAccountsByAward', unlinkedAccountsSql(code)),
      ],
      extraEntries: [
        { name: README_NAME, content: renderReadme('unlinked_awards_instructions_readme.txt', null) },
      ],
    });
  }
}
