import { numberLiteral } from '../filters/sql-literal.util';

/**
 * The awards below an IDV, as SQL over `parent_award` and `award_search` (two levels, as the reference's
 * helpers): the IDV and its child IDVs (their `parent_award` rows), then every award whose parent PIID and
 * agency point at one of them — the IDV's child awards and child IDVs, and its grandchild awards. The root
 * must have its own `parent_award` row, or nothing is found. Duplicates are harmless inside `IN`.
 */
export function idvDescendantsSql(idvAwardId: number): string {
  const id = numberLiteral(idvAwardId);
  return `SELECT child.award_id
    FROM (SELECT root.award_id FROM parent_award AS root WHERE root.award_id = ${id}
          UNION ALL
          SELECT sub.award_id FROM parent_award AS root
          JOIN parent_award AS sub ON sub.parent_award_id = root.award_id
          WHERE root.award_id = ${id}) AS idvs
    JOIN award_search AS idv ON idv.award_id = idvs.award_id
    JOIN award_search AS child ON child.parent_award_piid = idv.piid AND child.fpds_parent_agency_id = idv.fpds_agency_id`;
}

/** The descendants and the IDV itself: the awards whose File C rows fund the IDV's download. */
export function idvFamilySql(idvAwardId: number): string {
  return `${idvDescendantsSql(idvAwardId)}
    UNION ALL SELECT ${numberLiteral(idvAwardId)}`;
}
