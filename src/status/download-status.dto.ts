import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The reference's status fields, in its key order, plus `url` (the seeds' name for `file_url`). */
export class DownloadStatusDto {
  @ApiProperty({
    example: 'finished',
    enum: ['ready', 'running', 'finished', 'failed', 'queued', 'resumed', 'created', 'uploading'],
  })
  status: string;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Why the job failed, as a sentence; null otherwise',
  })
  message: string | null;

  @ApiProperty({ example: 'PrimeAwardSummariesAndSubawards_2020-01-13_H21M05S48397603.zip' })
  file_name: string;

  @ApiProperty({
    example:
      'http://localhost:8000/csv_downloads/PrimeAwardSummariesAndSubawards_2020-01-13_H21M05S48397603.zip',
  })
  file_url: string;

  @ApiProperty({
    nullable: true,
    type: Number,
    example: 3.169,
    description: 'Zip size in kilobytes (bytes / 1000)',
  })
  total_size: number | null;

  @ApiProperty({ nullable: true, type: Number, example: 276 })
  total_columns: number | null;

  @ApiProperty({
    nullable: true,
    type: Number,
    example: 1200,
    description: 'Rows written so far while running',
  })
  total_rows: number | null;

  @ApiProperty({
    nullable: true,
    type: String,
    example: '4.145',
    description: 'Seconds since the request, as a string',
  })
  seconds_elapsed: string | null;

  @ApiProperty({ description: 'Same as file_url' })
  url: string;

  // Beyond the reference: present only in the states where they mean something.

  @ApiPropertyOptional({
    description:
      'Once finished: SHA-256 of the zip (hex), also sent by the file route as Repr-Digest (base64) and ETag',
    example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  })
  file_sha256?: string;

  @ApiPropertyOptional({
    description:
      'Once a requested download is finished: when its file is deleted (ISO 8601 UTC, DOWNLOAD_RETENTION_HOURS ' +
      'after it finished). Absent for archives and pre-generated files, which each run replaces',
    example: '2020-01-20T21:05:52.397Z',
  })
  expires_at?: string;

  @ApiPropertyOptional({
    description:
      'With expires_at: true once that time has passed; the file route then answers 410 and an identical ' +
      'request makes a new file',
    example: false,
  })
  expired?: boolean;

  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    example: 120000,
    description:
      'While running: rows the download will have, counted when that is cheap, else the planner estimate; null if unknown',
  })
  rows_expected?: number | null;

  @ApiPropertyOptional({
    example: 1,
    description: 'While running: files of the zip written (never decreases)',
  })
  files_done?: number;

  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    example: 4,
    description: 'While running: data files the zip will hold; null before the job is planned',
  })
  files_total?: number | null;

  @ApiPropertyOptional({
    example: 42.5,
    description:
      'While running: 0 to 99 (by rows when rows_expected is known, else by files); never decreases',
  })
  percent_complete?: number;

  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    example: 37,
    description:
      'While running: seconds left at the current rate; null until the rate and rows_expected are known',
  })
  seconds_remaining?: number | null;
}
