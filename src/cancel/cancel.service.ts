import { ConflictException, ForbiddenException, Injectable } from '@nestjs/common';
import { ApiError, ApiErrorCode } from '../common/api-error';
import { JOB_STATUS_NAMES } from '../database/entities/job-status.entity';
import { DownloadStatusService } from '../status/download-status.service';
import { CancelDownloadResponseDto } from './cancel-response.dto';
import { CancelRepository } from './cancel.repository';

/** POST /api/v2/download/cancel/: one requester gives up a download it asked for. */
@Injectable()
export class CancelService {
  constructor(
    private readonly cancels: CancelRepository,
    private readonly statuses: DownloadStatusService,
  ) {}

  async cancel(body: unknown): Promise<CancelDownloadResponseDto> {
    const { fileName, token } = parseCancelRequest(body);
    const outcome = await this.cancels.cancel(fileName, token);
    switch (outcome.kind) {
      case 'unknown-job':
        throw new ApiError(ApiErrorCode.NotFound, `Download job with filename ${fileName} does not exist.`);
      case 'wrong-token':
        throw new ForbiddenException('This cancel_token was not issued for this download.');
      case 'not-cancellable':
        throw new ConflictException(
          `This download is ${JOB_STATUS_NAMES[outcome.status]}; only a ready or running download can be cancelled.`,
        );
      case 'cancelled':
        return { ...(await this.statuses.getStatus(fileName)), requesters_waiting: outcome.waiting };
    }
  }
}

function parseCancelRequest(body: unknown): { fileName: string; token: string } {
  const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const missing = ['file_name', 'cancel_token'].filter(
    (key) => typeof fields[key] !== 'string' || fields[key] === '',
  );
  if (missing.length > 0) {
    throw new ApiError(
      ApiErrorCode.InvalidParameter,
      `Missing one or more required body parameters: ${missing.join(', ')}`,
    );
  }
  return { fileName: fields.file_name as string, token: fields.cancel_token as string };
}
