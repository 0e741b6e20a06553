import { ApiProperty } from '@nestjs/swagger';

/** The newest unlinked-awards archive of an agency (keys in the reference's order). */
export class UnlinkedAwardsFileDto {
  @ApiProperty({ example: 'Department of the Treasury' }) agency_name: string;
  @ApiProperty({ example: '020' }) toptier_code: string;
  @ApiProperty({ example: 'TREAS', nullable: true, type: String }) agency_acronym: string | null;
  @ApiProperty({
    example: 'Department_of_the_Treasury_UnlinkedAwards_2024-06-15_H10M06S47200967.zip',
    nullable: true,
    type: String,
  })
  file_name: string | null;
  @ApiProperty({
    example:
      'http://localhost:8000/csv_downloads/unlinked_awards_downloads/Department_of_the_Treasury_UnlinkedAwards_2024-06-15_H10M06S47200967.zip',
    nullable: true,
    type: String,
  })
  url: string | null;
}

export class UnlinkedAwardsFilesResponseDto {
  @ApiProperty({ type: UnlinkedAwardsFileDto }) file: UnlinkedAwardsFileDto;
  @ApiProperty({ type: [String], example: [] }) messages: string[];
}
