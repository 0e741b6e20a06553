import { AwardModel, awardUniqueKey } from './award-model';
import { hashSeed, Random } from './prng.util';

/** How many of the latest IDVs new awards may be ordered off (small, so every IDV gathers several). */
const RECENT_ROOTS = 4;
const RECENT_CHILDREN = 8;
/** Share of IDVs placed under an earlier top-level IDV (making them child IDVs). */
const CHILD_IDV_SHARE = 0.4;
/** Share of orders placed off a child IDV rather than a top-level one (the grandchildren of the root). */
const ORDER_OFF_CHILD_SHARE = 0.5;

/**
 * Links awards into IDV hierarchies as they are generated in id order: a top-level IDV, child IDVs
 * under it, and contracts ordered off either (the top IDV's grandchildren when ordered off a child).
 * Parents are always earlier awards, drawn from the last few IDVs, so a hierarchy forms within a short
 * run of ids. Every pass generates awards 1..N in order with its own linker, so all passes agree.
 *
 * A link is the reference's: the child's `parent_award_piid` and `fpds_parent_agency_id` equal the
 * parent's `piid` and `fpds_agency_id` (its awarding sub-tier code).
 */
export class IdvHierarchy {
  private readonly roots: AwardModel[] = [];
  private readonly children: AwardModel[] = [];

  constructor(private readonly seed: number) {}

  link(award: AwardModel): AwardModel {
    const random = new Random(hashSeed(this.seed, 0x1d7, award.id));
    if (award.type.category === 'idv') {
      const parent = this.roots.length && random.chance(CHILD_IDV_SHARE) ? random.pick(this.roots) : null;
      const linked = withParent(award, parent);
      remember(parent ? this.children : this.roots, linked, parent ? RECENT_CHILDREN : RECENT_ROOTS);
      return linked;
    }
    // Contracts that want a parent (award-model draws that share) get one if an IDV exists yet.
    if (award.type.category !== 'contract' || award.parentPiid === null) return award;
    const fromChildren = this.children.length > 0 && random.chance(ORDER_OFF_CHILD_SHARE);
    const pool = fromChildren ? this.children : this.roots;
    return withParent(award, pool.length ? random.pick(pool) : null);
  }
}

function remember(list: AwardModel[], award: AwardModel, size: number): void {
  list.push(award);
  if (list.length > size) list.shift();
}

function withParent(award: AwardModel, parent: AwardModel | null): AwardModel {
  const parentPiid = parent?.piid ?? null;
  const parentAgency = parent ? parent.awarding.subtier : null;
  return {
    ...award,
    parentPiid,
    parentAgency,
    uniqueKey: awardUniqueKey(award, parentPiid, parentAgency?.code ?? null),
  };
}
