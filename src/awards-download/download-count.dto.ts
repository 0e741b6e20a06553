import { ApiProperty } from '@nestjs/swagger';

/** POST /api/v2/download/count/ response, keys in the reference's order (docs/compatibility.md#count). */
export class DownloadCountDto {
  @ApiProperty({ example: 1200 }) calculated_transaction_count: number;
  @ApiProperty({ example: 500000 }) maximum_transaction_limit: number;
  @ApiProperty({ example: false }) transaction_rows_gt_limit: boolean;
  @ApiProperty({ example: 1200 }) calculated_count: number;
  @ApiProperty({ example: 'transactions', enum: ['awards', 'transactions', 'subawards'] })
  spending_level: string;
  @ApiProperty({ example: 500000 }) maximum_limit: number;
  @ApiProperty({ example: false }) rows_gt_limit: boolean;
  @ApiProperty({ type: [String] }) messages: string[];
}
