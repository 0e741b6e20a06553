import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiContractBody } from '../common/api-contract-body.decorator';
import { AccountDownloadBody } from './request/account-download.contract';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DownloadResponseDto } from '../download-jobs/download-response.dto';
import { AccountsDownloadService } from './accounts-download.service';
import { SEED_ACCOUNT_EXAMPLE as ACCOUNT_EXAMPLE } from '../download-request/seed-examples';
import { ApiDetailErrors } from '../common/api-error-responses.decorator';

/** Custom Account Data: Files A, B and C for a fiscal year up to a quarter or period. */
@ApiTags('account downloads')
@Controller('api/v2/download')
export class AccountsDownloadController {
  constructor(private readonly downloads: AccountsDownloadService) {}

  @Post('accounts')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Account balances (A), program activity/object class (B) and award (C) breakdowns',
    description:
      'Per treasury account, or summed per federal account. `quarter` (1–4) or `period` (2–12) of fiscal year `fy`; ' +
      '`submission_types` (or the legacy single `submission_type`) chooses the files.',
  })
  @ApiContractBody(AccountDownloadBody, ACCOUNT_EXAMPLE)
  @ApiOkResponse({ type: DownloadResponseDto })
  @ApiDetailErrors(400, 404, 405, 413, 415, 422)
  accounts(@Body() body: unknown): Promise<DownloadResponseDto> {
    return this.downloads.download(body);
  }
}
