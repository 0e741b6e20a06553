import { ApiProperty } from '@nestjs/swagger';
import { DownloadStatusDto } from '../status/download-status.dto';

export class CancelDownloadRequestDto {
  @ApiProperty({ example: 'PrimeAwardSummariesAndSubawards_2020-01-13_H21M05S48397603.zip' })
  file_name: string;

  @ApiProperty({ description: 'The cancel_token of the answer to your download request' })
  cancel_token: string;
}

/** The job's status after the cancel, and how many other requesters of the same file still wait for it. */
export class CancelDownloadResponseDto extends DownloadStatusDto {
  @ApiProperty({
    example: 0,
    description:
      'Other requesters who were handed the same job (same-request cache) and have not cancelled: while above 0 ' +
      'the job goes on for them',
  })
  requesters_waiting: number;
}
