import { copyField, CopyValue } from '../../../src/database/copy/csv-format.util';
import { AwardModel } from './award-model';
import { LocationModel, RecipientModel } from './entity-pools';

/**
 * Column groups shared by the award, transaction and subaward rows, each rendered once per award or
 * recipient as a ready CSV fragment: a transaction row is then mostly string concatenation, which is
 * what keeps generation ahead of COPY.
 */
export const csvJoin = (values: readonly CopyValue[]): string => values.map(copyField).join(',');

export const AGENCY_COLUMNS = [
  'awarding_agency_id',
  'funding_agency_id',
  'awarding_toptier_agency_code',
  'funding_toptier_agency_code',
  'awarding_agency_code',
  'awarding_toptier_agency_name',
  'awarding_toptier_agency_name_raw',
  'awarding_sub_tier_agency_c',
  'awarding_subtier_agency_name',
  'awarding_subtier_agency_name_raw',
  'awarding_office_code',
  'awarding_office_name',
  'funding_agency_code',
  'funding_toptier_agency_name',
  'funding_toptier_agency_name_raw',
  'funding_sub_tier_agency_co',
  'funding_subtier_agency_name',
  'funding_subtier_agency_name_raw',
  'funding_office_code',
  'funding_office_name',
];

export const officeCode = (subtierCode: string, awardId: number): string =>
  `${subtierCode.slice(0, 3)}${(awardId % 7) + 1}A${subtierCode.slice(3)}`;
export const officeName = (subtierName: string): string => `${subtierName} CONTRACTING OFFICE`;

export function agencyFragment(award: AwardModel): string {
  const { awarding, funding } = award;
  return csvJoin([
    awarding.subtier.agencyId,
    funding.subtier.agencyId,
    awarding.agency.code,
    funding.agency.code,
    awarding.agency.code,
    awarding.agency.name,
    awarding.agency.name.toUpperCase(),
    awarding.subtier.code,
    awarding.subtier.name,
    awarding.subtier.name.toUpperCase(),
    officeCode(awarding.subtier.code, award.id),
    officeName(awarding.subtier.name),
    funding.agency.code,
    funding.agency.name,
    funding.agency.name.toUpperCase(),
    funding.subtier.code,
    funding.subtier.name,
    funding.subtier.name.toUpperCase(),
    officeCode(funding.subtier.code, award.id),
    officeName(funding.subtier.name),
  ]);
}

export const RECIPIENT_COLUMNS = [
  'recipient_name',
  'recipient_name_raw',
  'recipient_uei',
  'recipient_unique_id',
  'parent_uei',
  'parent_recipient_unique_id',
  'parent_recipient_name',
  'parent_recipient_name_raw',
  'legal_entity_address_line1',
  'legal_entity_address_line2',
  'recipient_location_country_code',
  'recipient_location_country_name',
  'recipient_location_state_code',
  'recipient_location_state_name',
  'recipient_location_state_fips',
  'recipient_location_county_code',
  'recipient_location_county_name',
  'recipient_location_county_fips',
  'recipient_location_city_name',
  'recipient_location_zip5',
  'legal_entity_zip4',
  'legal_entity_zip_last4',
  'recipient_location_congressional_code',
  'recipient_location_congressional_code_current',
  'legal_entity_foreign_city',
  'legal_entity_foreign_posta',
  'business_types',
  'business_types_desc',
  'vendor_doing_as_business_n',
  'vendor_phone_number',
  'business_categories',
];

const recipientFragments = new WeakMap<RecipientModel, string>();

export function recipientFragment(recipient: RecipientModel): string {
  const cached = recipientFragments.get(recipient);
  if (cached !== undefined) return cached;
  const l = recipient.location;
  const fragment = csvJoin([
    recipient.name.toUpperCase(),
    recipient.name,
    recipient.uei,
    recipient.duns,
    recipient.parentUei,
    recipient.parentDuns,
    recipient.parentName.toUpperCase(),
    recipient.parentName,
    recipient.address,
    null,
    l.countryCode,
    l.countryName,
    l.stateCode,
    l.stateName,
    l.stateFips,
    l.countyCode,
    l.countyName,
    l.countyFips,
    l.cityName,
    l.zip5,
    l.zip5 && `${l.zip5}${l.zipLast4}`,
    l.zipLast4,
    l.congressional,
    l.congressionalCurrent,
    l.foreign ? l.cityName : null,
    l.foreignPostalCode,
    recipient.businessTypes,
    recipient.businessTypesDescription,
    null,
    `202-555-${recipient.duns.slice(0, 4)}`,
    `{${recipient.businessCategories.join(',')}}`,
  ]);
  recipientFragments.set(recipient, fragment);
  return fragment;
}

export const POP_COLUMNS = [
  'pop_country_code',
  'pop_country_name',
  'pop_state_code',
  'pop_state_name',
  'pop_state_fips',
  'pop_county_code',
  'pop_county_name',
  'pop_county_fips',
  'pop_city_name',
  'pop_zip5',
  'place_of_performance_zip4a',
  'pop_congressional_code',
  'pop_congressional_code_current',
  'place_of_performance_scope',
  'place_of_performance_forei',
];

export function popFragment(pop: LocationModel): string {
  return csvJoin([
    pop.countryCode,
    pop.countryName,
    pop.stateCode,
    pop.stateName,
    pop.stateFips,
    pop.countyCode,
    pop.countyName,
    pop.countyFips,
    pop.cityName,
    pop.zip5,
    pop.zip5 && `${pop.zip5}${pop.zipLast4}`,
    pop.congressional,
    pop.congressionalCurrent,
    pop.foreign ? 'Foreign' : 'Single ZIP Code',
    pop.foreign ? pop.cityName : null,
  ]);
}
