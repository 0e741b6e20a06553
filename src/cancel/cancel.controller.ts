import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiDetailErrors } from '../common/api-error-responses.decorator';
import { CancelDownloadRequestDto, CancelDownloadResponseDto } from './cancel-response.dto';
import { CancelService } from './cancel.service';

@ApiTags('status')
@Controller('api/v2/download')
export class CancelController {
  constructor(private readonly cancels: CancelService) {}

  @Post('cancel')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Cancel a ready or running download (beyond the reference)',
    description:
      'Needs the cancel_token of the answer to the download request. The job stops within about 2 s: status ' +
      'failed, message "Cancelled at the requester\'s request.", no file. A job the same-request cache handed to ' +
      'several requesters is stopped once every one of them has cancelled. Wrong token: 403; unknown file: 404; ' +
      'finished or failed: 409.',
  })
  @ApiBody({
    type: CancelDownloadRequestDto,
    examples: {
      cancel: {
        summary: 'The file_name and cancel_token of a download answer',
        value: {
          file_name: 'PrimeAwardSummariesAndSubawards_2020-01-13_H21M05S48397603.zip',
          cancel_token: 'q1Yx3b0cM3lU2e7nN1wq8Zt6p4R0sVdA9hKfLgJmCiE',
        },
      },
    },
  })
  @ApiOkResponse({ type: CancelDownloadResponseDto })
  @ApiDetailErrors(400, 404, 405)
  @ApiResponse({ status: 403, description: 'The cancel_token was not issued for this download' })
  @ApiResponse({ status: 409, description: 'The download is finished or failed already' })
  cancel(@Body() body: unknown): Promise<CancelDownloadResponseDto> {
    return this.cancels.cancel(body);
  }
}
