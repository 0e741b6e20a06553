import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiContractBody } from '../common/api-contract-body.decorator';
import { BulkAwardBody } from './request/bulk-award.contract';
import {
  ListAgenciesBody,
  ListMonthlyFilesBody,
  ListUnlinkedAwardsFilesBody,
} from './request/bulk-listing.contracts';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DownloadResponseDto } from '../download-jobs/download-response.dto';
import { AgencyPickListsDto, ListAgenciesResponseDto } from './agencies/list-agencies.dto';
import { ListAgenciesService } from './agencies/list-agencies.service';
import { MonthlyFilesResponseDto } from './archives/monthly-files.dto';
import { MonthlyFilesService } from './archives/monthly-files.service';
import { BulkAwardsService } from './bulk-awards.service';
import { DatabaseDownloadFilesResponseDto } from './database-files/database-download-files.dto';
import { DatabaseDownloadFilesService } from './database-files/database-download-files.service';
import { UnlinkedAwardsFilesResponseDto } from './unlinked/unlinked-awards-files.dto';
import { UnlinkedAwardsFilesService } from './unlinked/unlinked-awards-files.service';
import { SEED_BULK_EXAMPLE as SEED_EXAMPLE } from '../download-request/seed-examples';
import { ApiDetailErrors, ApiDownloadErrors } from '../common/api-error-responses.decorator';

/** The "Custom Award Data" download and its companions: agency lists and the pre-generated file listings. */
@ApiTags('bulk downloads')
@ApiExtraModels(AgencyPickListsDto)
@Controller('api/v2/bulk_download')
export class BulkDownloadController {
  constructor(
    private readonly awards: BulkAwardsService,
    private readonly agencies: ListAgenciesService,
    private readonly monthlyFiles: MonthlyFilesService,
    private readonly unlinkedFiles: UnlinkedAwardsFilesService,
    private readonly databaseFiles: DatabaseDownloadFilesService,
  ) {}

  @Post('awards')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Every prime transaction and/or subaward of a slice (agency, award types, up to a year of dates)',
  })
  @ApiContractBody(BulkAwardBody, SEED_EXAMPLE)
  @ApiOkResponse({ type: DownloadResponseDto })
  @ApiDownloadErrors()
  bulkAwards(@Body() body: unknown): Promise<DownloadResponseDto> {
    return this.awards.download(body);
  }

  @Post('list_agencies')
  @HttpCode(200)
  @ApiOperation({ summary: 'Agency pick-lists of the download center, or one agency’s sub-agencies' })
  @ApiContractBody(ListAgenciesBody, { type: 'award_agencies', agency: 21 })
  @ApiOkResponse({ type: ListAgenciesResponseDto })
  @ApiDetailErrors(400, 405, 413, 415, 422)
  listAgencies(@Body() body: unknown): Promise<ListAgenciesResponseDto> {
    return this.agencies.list(body);
  }

  @Post('list_monthly_files')
  @HttpCode(200)
  @ApiOperation({ summary: 'Pre-generated full and delta archives of one agency, fiscal year and type' })
  @ApiContractBody(ListMonthlyFilesBody, { agency: 'all', fiscal_year: 2024, type: 'contracts' })
  @ApiOkResponse({ type: MonthlyFilesResponseDto })
  @ApiDetailErrors(400, 405, 413, 415, 422)
  listMonthlyFiles(@Body() body: unknown): Promise<MonthlyFilesResponseDto> {
    return this.monthlyFiles.list(body);
  }

  @Post('list_unlinked_awards_files')
  @HttpCode(200)
  @ApiOperation({
    summary: "An agency's newest unlinked-awards archive (npm run unlinked-archives)",
    description: '`toptier_code` of the agency; `file_name` and `url` are null while it has no archive.',
  })
  @ApiContractBody(ListUnlinkedAwardsFilesBody, { toptier_code: '020' })
  @ApiOkResponse({ type: UnlinkedAwardsFilesResponseDto })
  @ApiDetailErrors(400, 405, 413, 415)
  listUnlinkedAwardsFiles(@Body() body: unknown): Promise<UnlinkedAwardsFilesResponseDto> {
    return this.unlinkedFiles.list(body);
  }

  @Get('list_database_download_files')
  @ApiOperation({
    summary: 'The newest full and subset database downloads (npm run database-download)',
    description: 'No parameters; a kind without any file has `file_name` and `url` null.',
  })
  @ApiOkResponse({ type: DatabaseDownloadFilesResponseDto })
  @ApiDetailErrors(405)
  listDatabaseDownloadFiles(): Promise<DatabaseDownloadFilesResponseDto> {
    return this.databaseFiles.list();
  }
}
