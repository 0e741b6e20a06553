import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiContractBody } from '../common/api-contract-body.decorator';
import { DisasterDownloadBody, DisasterRecipientBody } from './request/disaster.contract';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiDetailErrors } from '../common/api-error-responses.decorator';
import { DownloadResponseDto } from '../download-jobs/download-response.dto';
import { DISASTER_EXAMPLE, DISASTER_RECIPIENTS_EXAMPLE } from './disaster-download-examples';
import { DisasterDownloadService } from './disaster-download.service';

/** The COVID-19 spending pages' downloads. */
@ApiTags('disaster downloads')
@Controller('api/v2/download/disaster')
export class DisasterDownloadController {
  constructor(private readonly downloads: DisasterDownloadService) {}

  // Declared before the profile route, as the reference matches `disaster/recipients` first.
  @Post('recipients')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Obligations, outlays and award counts of DEFC-funded awards, per recipient (one CSV)',
    description:
      '`filters.def_codes` (required, any DEFC), optional `filters.award_type_codes` and `filters.query` (part of ' +
      'the recipient name). The file is named after the award category of the award types.',
  })
  @ApiContractBody(DisasterRecipientBody, DISASTER_RECIPIENTS_EXAMPLE)
  @ApiOkResponse({ type: DownloadResponseDto })
  @ApiDetailErrors(400, 405, 413, 415, 422)
  recipients(@Body() body: unknown): Promise<DownloadResponseDto> {
    return this.downloads.recipients(body);
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'The COVID-19 profile download: awards, subawards and account data of one COVID-19 DEFC, or of all',
    description:
      'One code in `filters.def_codes` generates a new zip. All COVID-19 codes (the default) return the newest ' +
      'pre-generated profile file (`npm run covid-profile`), generating it first when there is none.',
  })
  @ApiContractBody(DisasterDownloadBody, DISASTER_EXAMPLE)
  @ApiOkResponse({ type: DownloadResponseDto })
  @ApiDetailErrors(400, 405, 413, 415, 422, 503)
  profile(@Body() body: unknown): Promise<DownloadResponseDto> {
    return this.downloads.download(body);
  }
}
