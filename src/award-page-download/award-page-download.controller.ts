import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiContractBody } from '../common/api-contract-body.decorator';
import { AwardPageBody } from './request/award-page.contract';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiDownloadErrors } from '../common/api-error-responses.decorator';
import { DownloadResponseDto } from '../download-jobs/download-response.dto';
import { AWARD_PAGE_EXAMPLES } from './award-page-examples';
import { AwardPageDownloadService } from './award-page-download.service';

const DESCRIPTION =
  '`award_id` is the internal award id or the generated unique award id (e.g. `CONT_AWD_...`, `ASST_NON_...`). ' +
  'At most `limit` rows per file (default and maximum 500,000); `file_format` is `csv`, `tsv` or `pstxt` (lower case).';

/** The "Download" button of the award summary pages (one award's files). */
@ApiTags('award downloads')
@Controller('api/v2/download')
export class AwardPageDownloadController {
  constructor(private readonly downloads: AwardPageDownloadService) {}

  @Post('idv')
  @HttpCode(200)
  @ApiOperation({
    summary:
      "One IDV's orders (child and grandchild awards), transaction history and federal account funding",
    description: DESCRIPTION,
  })
  @ApiContractBody(AwardPageBody, AWARD_PAGE_EXAMPLES.idv)
  @ApiOkResponse({ type: DownloadResponseDto })
  @ApiDownloadErrors()
  idv(@Body() body: unknown): Promise<DownloadResponseDto> {
    return this.downloads.download('idv', body);
  }

  @Post('contract')
  @HttpCode(200)
  @ApiOperation({
    summary: "One contract's transaction history, federal account funding and subawards",
    description: DESCRIPTION,
  })
  @ApiContractBody(AwardPageBody, AWARD_PAGE_EXAMPLES.contract)
  @ApiOkResponse({ type: DownloadResponseDto })
  @ApiDownloadErrors()
  contract(@Body() body: unknown): Promise<DownloadResponseDto> {
    return this.downloads.download('contract', body);
  }

  @Post('assistance')
  @HttpCode(200)
  @ApiOperation({
    summary: "One financial assistance award's transaction history, federal account funding and subawards",
    description: DESCRIPTION,
  })
  @ApiContractBody(AwardPageBody, AWARD_PAGE_EXAMPLES.assistance)
  @ApiOkResponse({ type: DownloadResponseDto })
  @ApiDownloadErrors()
  assistance(@Body() body: unknown): Promise<DownloadResponseDto> {
    return this.downloads.download('assistance', body);
  }
}
