import {
  NO_INTERSECTION,
  AWARD_TYPE_CODES,
} from '../download-request/award-types/award-type-codes.constants';
import {
  ArrayRule,
  MemberRule,
  ObjectRule,
  TextRule,
  ValueRule,
} from '../download-request/tinyshield/tinyshield-rule.types';

/**
 * Reusable pieces of the advanced-search filter rules (docs/compatibility.md#advanced-search-filters), shared with the bulk and count routes.
 * Shapes and bounds are the reference's (`AWARD_FILTER`), including the inherited quirks noted inline.
 */

/** Earliest date advanced search accepts in `time_period`. */
export const API_SEARCH_MIN_DATE = '2007-10-01';
/** Earliest date of the data at all (quoted in the min-date message). */
export const API_MIN_DATE = '2000-10-01';
/** Latest searchable date; later dates are accepted unchanged (the reference only logs them). */
export const API_MAX_DATE = '2027-09-30';

/** The 422 for a `time_period` date before API_SEARCH_MIN_DATE; note the double space after the first sentence. */
export function timePeriodMinMessage(member: 'start_date' | 'end_date'): string {
  return (
    `${member} falls before the earliest available search date of ${API_SEARCH_MIN_DATE}.  For data going back to ` +
    `${API_MIN_DATE}, use either the Custom Award Download feature on the website or one of our download or ` +
    'bulk_download API endpoints listed on https://api.usaspending.gov/docs/endpoints.'
  );
}

const text: TextRule = { type: 'text' };
const required = <T extends ValueRule>(rule: T): T & { required: true } => ({ ...rule, required: true });

/** A list of search texts (trimmed, control characters removed), 1..5000 elements. */
export function textList(textMin?: number): ArrayRule {
  return { type: 'array', items: { type: 'text', textMin } };
}

export const AWARD_TYPE_CODES_RULE: ArrayRule = {
  type: 'array',
  items: { type: 'enum', values: [...AWARD_TYPE_CODES, NO_INTERSECTION] },
};

export const TIME_PERIOD_OBJECT: ObjectRule = {
  type: 'object',
  members: {
    start_date: {
      type: 'date',
      min: API_SEARCH_MIN_DATE,
      minMessage: timePeriodMinMessage('start_date'),
      max: API_MAX_DATE,
    },
    end_date: {
      type: 'date',
      min: API_SEARCH_MIN_DATE,
      minMessage: timePeriodMinMessage('end_date'),
      max: API_MAX_DATE,
    },
    date_type: {
      type: 'enum',
      values: ['action_date', 'last_modified_date', 'date_signed', 'new_awards_only'],
    },
  },
};

export const AWARD_AMOUNT_OBJECT: ObjectRule = {
  type: 'object',
  members: { lower_bound: { type: 'float' }, upper_bound: { type: 'float' } },
};

export const AGENCY_OBJECT: ObjectRule = {
  type: 'object',
  members: {
    type: required({ type: 'enum', values: ['funding', 'awarding'] }),
    tier: required({ type: 'enum', values: ['toptier', 'subtier'] }),
    toptier_name: text,
    name: required(text),
  },
};

/** Congressional districts are exactly two characters (`"05"`). */
const district: MemberRule = { type: 'text', textMin: 2, textMax: 2 };

/** A recipient or place-of-performance location; the seeds' `district` is renamed before validation. */
export const LOCATION_OBJECT: ObjectRule = {
  type: 'object',
  members: {
    country: required(text),
    state: text,
    zip: text,
    district_original: district,
    district_current: district,
    county: text,
    city: text,
  },
};

/** Treasury account symbol components; `aid` and `main` may not be null. */
export const TAS_COMPONENTS_OBJECT: ObjectRule = {
  type: 'object',
  members: {
    ata: { type: 'text', allowNulls: true },
    aid: text,
    bpoa: { type: 'text', allowNulls: true },
    epoa: { type: 'text', allowNulls: true },
    a: { type: 'text', allowNulls: true },
    main: text,
    sub: { type: 'text', allowNulls: true },
  },
};

/** `{require?: [[path…]…], exclude?: [[path…]…]}` of psc_codes / tas_codes; paths are positional text lists. */
export const FILTER_TREE_OBJECT: ObjectRule = {
  type: 'object',
  members: {
    require: { type: 'array', items: { type: 'any', models: [textList()] } },
    exclude: { type: 'array', items: { type: 'any', models: [textList()] } },
  },
};

/** naics_codes: a `{require, exclude}` object of code lists, or a plain code list; digit strings become ints. */
export const NAICS_CODES_RULE: ValueRule = {
  type: 'any',
  models: [
    {
      type: 'object',
      members: {
        require: { type: 'array', items: { type: 'integer' } },
        exclude: { type: 'array', items: { type: 'integer' } },
      },
    },
    { type: 'array', items: { type: 'integer' } },
  ],
};

export const PSC_CODES_RULE: ValueRule = { type: 'any', models: [textList(), FILTER_TREE_OBJECT] };

export const TAS_CODES_RULE: ValueRule = {
  type: 'any',
  models: [{ type: 'array', items: TAS_COMPONENTS_OBJECT }, FILTER_TREE_OBJECT],
};

/**
 * Elements of `legal_entities` inherit the reference's array bounds (min 1): 0 and negatives are 422s there.
 * Digit strings are accepted too, which covers the seeds' "array of strings".
 */
export const LEGAL_ENTITIES_RULE: ArrayRule = { type: 'array', items: { type: 'integer', min: 1 } };

/** Database ids of the seeds' account-linkage filters (`federal_account_ids`, ...); digit strings accepted. */
export const ID_LIST_RULE: ArrayRule = { type: 'array', items: { type: 'integer' } };

export const SCOPE_RULE: ValueRule = { type: 'enum', values: ['domestic', 'foreign'] };
