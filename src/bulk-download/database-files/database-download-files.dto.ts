import { ApiProperty } from '@nestjs/swagger';

export class DatabaseDownloadFileDto {
  @ApiProperty({ example: 'usaspending-db_20241201.zip', nullable: true, type: String }) file_name:
    string | null;
  @ApiProperty({
    example: 'http://localhost:8000/csv_downloads/database_download/usaspending-db_20241201.zip',
    nullable: true,
    type: String,
  })
  url: string | null;
}

/** Keys in the reference's order. */
export class DatabaseDownloadFilesResponseDto {
  @ApiProperty({ type: DatabaseDownloadFileDto }) full_download_file: DatabaseDownloadFileDto;
  @ApiProperty({ type: DatabaseDownloadFileDto }) subset_download_file: DatabaseDownloadFileDto;
  @ApiProperty({ type: [String], example: [] }) messages: string[];
}
