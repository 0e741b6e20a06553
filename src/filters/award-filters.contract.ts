import { RequestField } from '../download-request/contract/request-field.decorator';
import {
  AGENCY_OBJECT,
  AWARD_AMOUNT_OBJECT,
  AWARD_TYPE_CODES_RULE,
  ID_LIST_RULE,
  LEGAL_ENTITIES_RULE,
  LOCATION_OBJECT,
  NAICS_CODES_RULE,
  PSC_CODES_RULE,
  SCOPE_RULE,
  TAS_CODES_RULE,
  TAS_COMPONENTS_OBJECT,
  TIME_PERIOD_OBJECT,
  textList,
} from './award-filter-parts.rules';
import {
  AgencyFilter,
  AwardAmountFilter,
  LocationFilter,
  LocationScope,
  NaicsTreeFilter,
  PathTreeFilter,
  TasComponentsFilter,
  TimePeriodFilter,
} from './award-filter.types';

/**
 * The advanced-search filters of the award downloads (awards, transactions, search, count), in the
 * reference's rule order: with several bad filters, the first one in this order is reported. The seeds'
 * filters the reference silently drops come last (applied here), so the reference's precedence holds.
 */
export class AwardFilterContract {
  @RequestField(textList(), { description: 'Award ids (PIID, FAIN, URI or generated unique id)' })
  award_ids?: string[];

  @RequestField(AWARD_TYPE_CODES_RULE, {
    description: 'Award type codes (default: every code)',
    example: ['A', 'B', 'C', 'D'],
  })
  award_type_codes?: string[];

  @RequestField(textList(), { description: 'FPDS type-of-contract-pricing codes' })
  contract_pricing_type_codes?: string[];

  @RequestField(textList(), { description: 'FPDS extent-competed codes' })
  extent_competed_type_codes?: string[];

  @RequestField(textList(3), {
    description: 'Search words (phrases), at least 3 characters',
    example: ['Defense'],
  })
  keywords?: string[];

  @RequestField(LEGAL_ENTITIES_RULE, { description: 'Recipient legal entity ids' })
  legal_entities?: number[];

  @RequestField(NAICS_CODES_RULE, { description: 'NAICS codes, or a {require, exclude} tree' })
  naics_codes?: number[] | NaicsTreeFilter;

  @RequestField(SCOPE_RULE)
  place_of_performance_scope?: LocationScope;

  @RequestField(textList(), { description: 'Assistance listing (CFDA) numbers' })
  program_numbers?: string[];

  @RequestField(PSC_CODES_RULE, { description: 'Product or service codes, or a {require, exclude} tree' })
  psc_codes?: string[] | PathTreeFilter;

  @RequestField(
    { type: 'text' },
    {
      description: 'A recipient hash id (POST /api/v2/download/count/ only)',
      when: (context) => context.recipientId,
    },
  )
  recipient_id?: string;

  @RequestField(SCOPE_RULE)
  recipient_scope?: LocationScope;

  @RequestField(textList(), { description: 'Recipient names, UEIs or DUNS numbers' })
  recipient_search_text?: string[];

  @RequestField(textList(), { description: 'Recipient business type names' })
  recipient_type_names?: string[];

  @RequestField(textList(), { description: 'FPDS type-of-set-aside codes' })
  set_aside_type_codes?: string[];

  @RequestField(
    { type: 'array', items: TIME_PERIOD_OBJECT },
    { example: [{ start_date: '2022-10-01', end_date: '2023-09-30', date_type: 'action_date' }] },
  )
  time_period?: TimePeriodFilter[];

  @RequestField({ type: 'array', items: AWARD_AMOUNT_OBJECT })
  award_amounts?: AwardAmountFilter[];

  @RequestField(
    { type: 'array', items: AGENCY_OBJECT },
    { example: [{ type: 'awarding', tier: 'toptier', name: 'Department of Defense' }] },
  )
  agencies?: AgencyFilter[];

  @RequestField({ type: 'array', items: LOCATION_OBJECT })
  recipient_locations?: LocationFilter[];

  @RequestField({ type: 'array', items: LOCATION_OBJECT })
  place_of_performance_locations?: LocationFilter[];

  @RequestField({ type: 'array', items: TAS_COMPONENTS_OBJECT })
  treasury_account_components?: TasComponentsFilter[];

  @RequestField(TAS_CODES_RULE, { description: 'Treasury account symbols, or a {require, exclude} tree' })
  tas_codes?: TasComponentsFilter[] | PathTreeFilter;

  @RequestField(textList(), { description: 'Disaster emergency fund codes' })
  def_codes?: string[];

  @RequestField({ type: 'text' }, { description: 'Words of the award description' })
  description?: string;

  @RequestField({ type: 'text' }, { description: 'One generated unique award id' })
  award_unique_id?: string;

  @RequestField(ID_LIST_RULE, { description: 'Federal account ids (File C link)' })
  federal_account_ids?: number[];

  @RequestField(ID_LIST_RULE, { description: 'Object class ids (File C link)' })
  object_class_ids?: number[];

  @RequestField(ID_LIST_RULE, { description: 'Program activity ids (File C link)' })
  program_activity_ids?: number[];

  @RequestField(textList(3), { description: 'Older name of keywords' })
  elasticsearch_keyword?: string[];

  @RequestField(textList(3), { description: 'Older name of keywords' })
  transaction_keyword_search?: string[];
}
