import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AwardPageAward } from './request/award-page-request.types';

interface AwardRow {
  award_id: string;
  generated_unique_award_id: string;
  piid: string | null;
  fain: string | null;
  uri: string | null;
}

/**
 * Finds the award an award-page download names: an integer is the internal `award_id`, any other text the
 * exact, case-sensitive `generated_unique_award_id` (both unique-indexed). Awards without transactions are
 * found too. No category check: the contract route accepts an assistance award, as the reference does.
 */
@Injectable()
export class AwardLookupRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(awardId: number | string): Promise<AwardPageAward | null> {
    // An integer JavaScript cannot hold exactly names no award (ids are far below 2^53).
    if (typeof awardId === 'number' && !Number.isSafeInteger(awardId)) return null;
    const column = typeof awardId === 'number' ? 'award_id' : 'generated_unique_award_id';
    const rows = await this.dataSource.query<AwardRow[]>(
      `SELECT award_id, generated_unique_award_id, piid, fain, uri FROM award_search WHERE ${column} = $1`,
      [String(awardId)],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      awardId: Number(row.award_id),
      generatedUniqueAwardId: row.generated_unique_award_id,
      piid: row.piid,
      fain: row.fain,
      uri: row.uri,
    };
  }
}
