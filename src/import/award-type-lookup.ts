import {
  CONTRACT_TYPES,
  DIRECT_PAYMENT_TYPES,
  GRANT_TYPES,
  IDV_TYPES,
  LOAN_TYPES,
  OTHER_TYPES,
} from '../download-request/award-types/award-types.util';

/** `('code', 'category'), ...`: the award categories of the reference's award type codes, as SQL VALUES rows. */
export const ALL_AWARD_TYPES = [
  ...CONTRACT_TYPES,
  ...IDV_TYPES,
  ...GRANT_TYPES,
  ...DIRECT_PAYMENT_TYPES,
  ...LOAN_TYPES,
  ...OTHER_TYPES,
]
  .map((type) => `('${type.code}', '${type.category}')`)
  .join(', ');
