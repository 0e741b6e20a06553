/** The account files a request may ask for, in the reference's declaration order (enum messages list them so). */
export const ACCOUNT_SUBMISSION_TYPES = [
  'account_balances',
  'object_class_program_activity',
  'award_financial',
] as const;

export type AccountSubmissionType = (typeof ACCOUNT_SUBMISSION_TYPES)[number];

/** `account_level` values, in the reference's order. */
export const ACCOUNT_LEVELS = ['federal_account', 'treasury_account'] as const;

export type AccountLevel = (typeof ACCOUNT_LEVELS)[number];

/**
 * The seed's spelling of File B (seed 000). Accepted as the same submission type (docs/compatibility.md#where-we-depart) and
 * rewritten before validation, so the stored request and the cache only ever see the reference's name.
 */
export const SEED_SUBMISSION_TYPE_ALIASES: Readonly<Record<string, AccountSubmissionType>> = {
  program_activity_object_class: 'object_class_program_activity',
};

/** The file title of each type, in zip and inner file names (docs/compatibility.md#zip-file-names, docs/compatibility.md#award-file-sources). */
export const ACCOUNT_FILE_TITLES: Readonly<Record<AccountSubmissionType, string>> = {
  account_balances: 'AccountBalances',
  object_class_program_activity: 'AccountBreakdownByPA-OC',
  award_financial: 'AccountBreakdownByAward',
};

/** `<LV>` of zip and inner file names. */
export const ACCOUNT_LEVEL_CODES: Readonly<Record<AccountLevel, string>> = {
  federal_account: 'FA',
  treasury_account: 'TAS',
};
