import { catalogFor } from './catalog-lookup.util';
import { CatalogSource, SQL_PLACEHOLDERS } from './catalog.types';

/** The precomputed per-award File C aggregates (migration 1764000000900), read as `faba_award.<name>`. */
export const FABA_AWARD_SUMMARY_TABLE = 'faba_award_summary';

/**
 * `SELECT faba.award_id, <aggregates> ... GROUP BY faba.award_id` over all of File C, without DEF code
 * restriction: the grouped form of the award-side faba_award join, taken from the generated catalog so the
 * precomputed values are computed by exactly the SQL a download would run (every award-side list shares it).
 */
export function fabaAwardSummarySelect(): string {
  const allAwards = catalogFor('transaction.d1').fabaAwardJoin?.allAwards;
  const match =
    allAwards && /^LEFT JOIN \((SELECT faba\.award_id, [\s\S]+)\) AS faba_award ON /.exec(allAwards);
  if (!match) throw new Error('The transaction.d1 catalog has no grouped faba_award join');
  return match[1].split(SQL_PLACEHOLDERS.fabaDefCodes).join('');
}

/**
 * The join reading the precomputed values in place of the source's per-row File C aggregation: the same
 * values (an award without File C rows has no summary row, so every value is NULL, as the aggregate over
 * no rows gives), looked up by primary key.
 */
export function fabaAwardSummaryJoin(source: CatalogSource): string | undefined {
  const perRow = source.fabaAwardJoin?.perRow;
  const awardId = perRow && /WHERE faba\.award_id = ([\w.]+)\) AS faba_award ON true$/.exec(perRow);
  if (!awardId) return undefined;
  return `LEFT JOIN ${FABA_AWARD_SUMMARY_TABLE} AS faba_award ON faba_award.award_id = ${awardId[1]}`;
}
