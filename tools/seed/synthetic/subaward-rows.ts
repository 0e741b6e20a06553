import {
  AwardModel,
  fiscalYearOf,
  isoDay,
  LAST_DAY,
  sumOf,
  TRANSACTIONS_PER_AWARD_LIMIT,
} from './award-model';
import { RecipientModel } from './entity-pools';
import { centsToDecimal, hashSeed, Random } from './prng.util';
import { csvJoin, officeCode, officeName } from './shared-fragments';

function primeFragment(award: AwardModel): string {
  const { awarding, funding, recipient: r, pop } = award;
  const latest = award.transactions[award.transactions.length - 1];
  const l = r.location;
  return csvJoin([
    award.id,
    latest.id,
    award.uniqueKey,
    award.type.isFpds ? 'procurement' : 'grant',
    award.type.code,
    awarding.subtier.agencyId,
    funding.subtier.agencyId,
    awarding.agency.code,
    funding.agency.code,
    isoDay(award.transactions[0].actionDay),
    centsToDecimal(sumOf(award.transactions, 'obligationCents')),
    award.description,
    award.piid,
    award.parentPiid,
    award.fain,
    award.type.isFpds ? award.naics.code : null,
    award.type.isFpds ? award.naics.description : null,
    award.type.isFpds ? award.psc.code : null,
    award.type.isFpds ? null : award.cfda.number,
    award.type.isFpds ? null : award.cfda.title,
    awarding.agency.code,
    awarding.agency.name,
    awarding.subtier.code,
    awarding.subtier.name,
    officeCode(awarding.subtier.code, award.id),
    officeName(awarding.subtier.name),
    funding.agency.code,
    funding.agency.name,
    funding.subtier.code,
    funding.subtier.name,
    officeCode(funding.subtier.code, award.id),
    officeName(funding.subtier.name),
    r.name.toUpperCase(),
    r.uei,
    r.duns,
    r.parentName.toUpperCase(),
    r.parentUei,
    r.parentDuns,
    null,
    r.businessTypesDescription,
    r.address,
    l.cityName,
    l.countryCode,
    l.countryName,
    l.countyFips,
    l.stateCode,
    l.stateFips,
    l.stateName,
    l.zip5,
    l.foreignPostalCode,
    l.congressional,
    l.congressionalCurrent,
    pop.cityName,
    pop.countryCode,
    pop.countryName,
    pop.countyFips,
    pop.countyName,
    pop.foreign ? 'Foreign' : 'Single ZIP Code',
    pop.stateCode,
    pop.stateFips,
    pop.stateName,
    pop.zip5,
    pop.congressional,
    pop.congressionalCurrent,
  ]);
}

/** The award's subawards (ids award × 100 + n), each with a subrecipient from the pool. */
export function subawardRows(award: AwardModel, recipients: readonly RecipientModel[]): string {
  if (award.subawardCount === 0) return '';
  const prime = primeFragment(award);
  const total = Math.max(100_00, sumOf(award.transactions, 'obligationCents'));
  let out = '';
  for (let n = 0; n < award.subawardCount; n++) {
    const random = new Random(hashSeed(award.seed, 0x5ab, award.id, n));
    const sub = recipients[random.int(0, recipients.length - 1)];
    const l = sub.location;
    const day = Math.min(LAST_DAY, award.transactions[0].actionDay + random.int(10, 700));
    const date = new Date(day * 86_400_000);
    const district = l.congressional;
    out += `${csvJoin([award.id * TRANSACTIONS_PER_AWARD_LIMIT + n])},${prime},${csvJoin([
      `${award.piid ?? award.fain ?? award.id}-SUB-${n + 1}`,
      award.type.isFpds ? 'sub-contract' : 'sub-grant',
      centsToDecimal(Math.max(1, Math.floor(total / (award.subawardCount + 1)))),
      isoDay(day),
      fiscalYearOf(day),
      `Subaward ${n + 1}: ${award.description}`,
      date.getUTCFullYear(),
      date.getUTCMonth() + 1,
      `${isoDay(Math.min(LAST_DAY + 60, day + 30))} 09:15:00+00`,
      `SAM-${award.id}-${n}`,
      sub.name.toUpperCase(),
      sub.name,
      sub.uei,
      sub.duns,
      sub.parentName.toUpperCase(),
      sub.parentName,
      sub.parentUei,
      sub.parentDuns,
      null,
      sub.businessTypesDescription,
      sub.address,
      l.cityName,
      l.countryCode,
      l.countryCode,
      l.countryName,
      l.countryName,
      l.foreignPostalCode,
      l.stateCode,
      l.stateName,
      l.zip5 && `${l.zip5}${l.zipLast4}`,
      l.zip5,
      l.countyCode,
      district,
      district,
      l.congressionalCurrent,
      l.cityName,
      l.countryCode,
      l.countryCode,
      l.countryName,
      l.stateCode,
      l.stateName,
      l.zip5 && `${l.zip5}${l.zipLast4}`,
      l.zip5,
      l.countyCode,
      district,
      district,
      l.congressionalCurrent,
      sub.officers[0]?.[0] ?? null,
      sub.officers[0] ? centsToDecimal(sub.officers[0][1]) : null,
      sub.address,
    ])}\n`;
  }
  return out;
}
