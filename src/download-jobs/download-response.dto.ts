import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DownloadStatusDto } from '../status/download-status.dto';

/**
 * The answer to every download POST: the reference's four keys first (`status_url`, `file_name`,
 * `file_url`, `download_request`), then the status fields the seeds' clients also read.
 */
export class DownloadResponseDto {
  @ApiProperty({
    example:
      'http://localhost:8000/api/v2/download/status?file_name=PrimeAwardSummariesAndSubawards_2020-01-13_H21M05S48397603.zip',
  })
  status_url: string;

  @ApiProperty({ example: 'PrimeAwardSummariesAndSubawards_2020-01-13_H21M05S48397603.zip' })
  file_name: string;

  @ApiProperty({
    example:
      'http://localhost:8000/csv_downloads/PrimeAwardSummariesAndSubawards_2020-01-13_H21M05S48397603.zip',
  })
  file_url: string;

  @ApiProperty({
    description: 'The canonical request the job runs (keys sorted, lists sorted, columns in client order)',
  })
  download_request: Record<string, unknown>;

  @ApiProperty({ example: 'ready' })
  status: string;

  @ApiProperty({ description: 'Same as file_url' })
  url: string;

  @ApiProperty({ nullable: true, type: String })
  message: string | null;

  @ApiProperty({ nullable: true, type: Number })
  total_rows: number | null;

  @ApiProperty({ nullable: true, type: Number })
  total_size: number | null;

  @ApiProperty({ nullable: true, type: Number })
  total_columns: number | null;

  @ApiProperty({ nullable: true, type: String })
  seconds_elapsed: string | null;

  @ApiPropertyOptional({
    description:
      'Beyond the reference: given only to you; send it with file_name to POST /api/v2/download/cancel/ to ' +
      'stop the job (a job shared through the same-request cache stops once every requester has cancelled)',
    example: 'q1Yx3b0cM3lU2e7nN1wq8Zt6p4R0sVdA9hKfLgJmCiE',
  })
  cancel_token?: string;
}

export function downloadResponse(
  statusUrl: string,
  status: DownloadStatusDto,
  jsonRequest: string,
): DownloadResponseDto {
  return {
    status_url: statusUrl,
    file_name: status.file_name,
    file_url: status.file_url,
    download_request: JSON.parse(jsonRequest) as Record<string, unknown>,
    status: status.status,
    url: status.url,
    message: status.message,
    total_rows: status.total_rows,
    total_size: status.total_size,
    total_columns: status.total_columns,
    seconds_elapsed: status.seconds_elapsed,
  };
}
