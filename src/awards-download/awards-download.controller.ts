import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiContractBody } from '../common/api-contract-body.decorator';
import { AwardDownloadBody, DownloadCountBody, SearchDownloadBody } from './request/award-download.contract';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DownloadResponseDto } from '../download-jobs/download-response.dto';
import { AwardsDownloadService } from './awards-download.service';
import { DownloadCountDto } from './download-count.dto';
import { ApiDetailErrors, ApiDownloadErrors } from '../common/api-error-responses.decorator';
import { SEARCH_EXAMPLE } from './search-download-example';

const AWARD_EXAMPLE = {
  filters: { keywords: ['Defense'], time_period: [{ start_date: '2022-10-01', end_date: '2023-09-30' }] },
  columns: ['contract_award_unique_key', 'award_id_piid', 'total_obligated_amount'],
  file_format: 'csv',
  limit: 500000,
};

/** Advanced Search downloads: at most `limit` rows per file, prime awards or transactions plus subawards. */
@ApiTags('award downloads')
@Controller('api/v2/download')
export class AwardsDownloadController {
  constructor(private readonly downloads: AwardsDownloadService) {}

  @Post('awards')
  @HttpCode(200)
  @ApiOperation({ summary: 'Prime award summaries and subawards matching Advanced Search filters' })
  @ApiContractBody(AwardDownloadBody, AWARD_EXAMPLE)
  @ApiOkResponse({ type: DownloadResponseDto })
  @ApiDownloadErrors()
  awards(@Body() body: unknown): Promise<DownloadResponseDto> {
    return this.downloads.download(body, 'awards');
  }

  @Post('transactions')
  @HttpCode(200)
  @ApiOperation({ summary: 'Prime transactions and subawards matching Advanced Search filters' })
  @ApiContractBody(AwardDownloadBody, AWARD_EXAMPLE)
  @ApiOkResponse({ type: DownloadResponseDto })
  @ApiDownloadErrors()
  transactions(@Body() body: unknown): Promise<DownloadResponseDto> {
    return this.downloads.download(body, 'transactions');
  }

  @Post('search')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Prime award summaries, prime transactions and subawards matching Advanced Search filters, in one zip',
    description:
      '`spending_level` picks the files (`awards`, `transactions`, `subawards`; default all three); at most `limit` rows per file.',
  })
  @ApiContractBody(SearchDownloadBody, SEARCH_EXAMPLE)
  @ApiOkResponse({ type: DownloadResponseDto })
  @ApiDownloadErrors()
  search(@Body() body: unknown): Promise<DownloadResponseDto> {
    return this.downloads.search(body);
  }

  @Post('count')
  @HttpCode(200)
  @ApiOperation({ summary: 'How many rows a row-limited download with these filters would contain' })
  @ApiContractBody(DownloadCountBody, { filters: AWARD_EXAMPLE.filters, spending_level: 'transactions' })
  @ApiOkResponse({ type: DownloadCountDto })
  @ApiDetailErrors(400, 405, 413, 415, 422)
  count(@Body() body: unknown): Promise<DownloadCountDto> {
    return this.downloads.count(body);
  }
}
