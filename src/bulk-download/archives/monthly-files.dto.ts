import { ApiProperty } from '@nestjs/swagger';

/** One pre-generated archive (docs/compatibility.md#monthly-archives). */
export class MonthlyFileDto {
  @ApiProperty({ description: 'As sent; null for delta files', example: 2024, nullable: true })
  fiscal_year: unknown;
  @ApiProperty({ example: 'Department of the Treasury' }) agency_name: string;
  @ApiProperty({ example: 'TREAS', nullable: true, type: String }) agency_acronym: string | null;
  @ApiProperty({ description: 'As sent', example: 'contracts' }) type: string;
  @ApiProperty({ example: '2024-06-15' }) updated_date: string;
  @ApiProperty({ example: 'FY2024_020_Contracts_Full_20240615.zip' }) file_name: string;
  @ApiProperty({
    example: 'http://localhost:8000/csv_downloads/award_data_archive/FY2024_020_Contracts_Full_20240615.zip',
  })
  url: string;
  @ApiProperty({
    description:
      'Beyond the reference: SHA-256 of the zip (hex); null for archives made before it was recorded',
    example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    nullable: true,
    type: String,
  })
  sha256: string | null;
}

export class MonthlyFilesResponseDto {
  @ApiProperty({ type: [MonthlyFileDto], description: 'Full files, then delta files, each in name order' })
  monthly_files: MonthlyFileDto[];
}
