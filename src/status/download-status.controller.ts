import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { DownloadStatusDto } from './download-status.dto';
import { DownloadStatusService } from './download-status.service';
import { ApiDetailErrors } from '../common/api-error-responses.decorator';

@ApiTags('status')
@Controller('api/v2')
export class DownloadStatusController {
  constructor(private readonly statuses: DownloadStatusService) {}

  @Get(['download/status', 'bulk_download/status'])
  @ApiOperation({ summary: 'Progress and result of a download job' })
  @ApiQuery({
    name: 'file_name',
    required: true,
    description: 'The file_name returned by the download request',
  })
  @ApiOkResponse({ type: DownloadStatusDto })
  @ApiDetailErrors(400, 404, 405)
  getStatus(@Query('file_name') fileName: unknown): Promise<DownloadStatusDto> {
    return this.statuses.getStatus(fileName);
  }
}
