import {
  awardTypeFor,
  AwardTypeSpec,
  awardTypeOf,
} from '../../../src/download-request/award-types/award-types.util';
import { LocationModel, makeLocation, RecipientModel } from './entity-pools';
import { hashSeed, Random } from './prng.util';
import { AgencyRef, CodeRef, SeedContext, SubtierRef, TasRef } from './seed-context';
import { ASSISTANCE_DESCRIPTIONS, CFDA_PROGRAMS, CONTRACT_DESCRIPTIONS } from './text-pools.util';

export interface TransactionModel {
  readonly id: number;
  readonly modification: string;
  readonly actionDay: number;
  readonly obligationCents: number;
  readonly nonFederalCents: number;
  readonly faceValueCents: number;
  readonly subsidyCents: number;
  readonly description: string;
}

export interface AwardModel {
  readonly id: number;
  readonly seed: number;
  readonly type: AwardTypeSpec;
  readonly uniqueKey: string;
  readonly piid: string | null;
  readonly fain: string | null;
  readonly uri: string | null;
  /**
   * The parent IDV's PIID and awarding sub-tier (its `fpds_agency_id`); set by IdvHierarchy. Before
   * linking, a non-null `parentPiid` on a contract only says that it wants a parent.
   */
  readonly parentPiid: string | null;
  readonly parentAgency: SubtierRef | null;
  readonly awarding: { readonly agency: AgencyRef; readonly subtier: SubtierRef };
  readonly funding: { readonly agency: AgencyRef; readonly subtier: SubtierRef };
  readonly recipient: RecipientModel;
  readonly pop: LocationModel;
  readonly naics: CodeRef;
  readonly psc: CodeRef;
  readonly cfda: { readonly number: string; readonly title: string };
  readonly profileIndex: number;
  readonly description: string;
  readonly transactions: readonly TransactionModel[];
  readonly tas: TasRef;
  readonly objectClassId: number;
  readonly programActivityId: number;
  readonly defc: string | null;
  /** Reported in File C (the awarding agency's submissions from FY2017 on). */
  readonly inFileC: boolean;
  readonly subawardCount: number;
}

/** Transaction ids leave room for 100 actions per award, so any pass can compute them alone. */
export const TRANSACTIONS_PER_AWARD_LIMIT = 100;
export const FIRST_DAY = Date.UTC(2007, 9, 1) / 86_400_000;
export const LAST_DAY = Date.UTC(2026, 8, 30) / 86_400_000;
const COVID_START = Date.UTC(2020, 3, 1) / 86_400_000;
const IIJA_START = Date.UTC(2021, 10, 15) / 86_400_000;
const FILE_C_START = Date.UTC(2016, 9, 1) / 86_400_000;

export const isoDay = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);
export function fiscalYearOf(day: number): number {
  const date = new Date(day * 86_400_000);
  return date.getUTCFullYear() + (date.getUTCMonth() >= 9 ? 1 : 0);
}
/** Fiscal period 1 (October) to 12 (September). */
export const fiscalPeriodOf = (day: number): number =>
  ((new Date(day * 86_400_000).getUTCMonth() + 3) % 12) + 1;

/** Generation-wide state shared by every pass (pools and per-agency lookups). */
export interface AwardFactory {
  readonly seed: number;
  readonly context: SeedContext;
  readonly recipients: readonly RecipientModel[];
  readonly profileCount: number;
  /** Agencies weighted by their number of accounts (big departments award more). */
  readonly weightedAgencies: readonly AgencyRef[];
}

function availableTas(agency: AgencyRef, fiscalYear: number): readonly TasRef[] {
  const open = agency.tas.filter(
    (tas) => tas.firstYear === null || (tas.firstYear <= fiscalYear && (tas.lastYear ?? 9999) >= fiscalYear),
  );
  return open.length ? open : agency.tas;
}

function buildTransactions(
  random: Random,
  award: { id: number; type: AwardTypeSpec },
  firstDay: number,
  description: string,
) {
  const count = Math.min(TRANSACTIONS_PER_AWARD_LIMIT - 1, 1 + Math.floor(-Math.log(1 - random.next()) * 4));
  const base = random.cents(500, 25_000_000);
  const transactions: TransactionModel[] = [];
  let day = firstDay;
  for (let index = 0; index < count && day <= LAST_DAY; index++) {
    const draw = random.next();
    const obligation =
      index === 0
        ? base
        : draw < 0.7
          ? random.cents(100, base / 200 + 200)
          : draw < 0.9
            ? -random.int(1, Math.max(1, Math.floor(base / 4)))
            : 0;
    const isLoan = award.type.category === 'loans';
    const face = isLoan ? random.cents(5_000, 5_000_000) : 0;
    transactions.push({
      id: award.id * TRANSACTIONS_PER_AWARD_LIMIT + index,
      modification: award.type.isFpds
        ? index === 0
          ? '0'
          : `P${String(index).padStart(5, '0')}`
        : String(index),
      actionDay: day,
      obligationCents: isLoan ? Math.round(face * 0.05) : obligation,
      nonFederalCents:
        award.type.category === 'grant' && random.chance(0.3) ? Math.round(Math.abs(obligation) * 0.2) : 0,
      faceValueCents: face,
      subsidyCents: isLoan ? Math.round(face * 0.05) : 0,
      description: index === 0 ? description : `${description} - MODIFICATION ${index}`,
    });
    day += random.int(5, 240);
  }
  return transactions;
}

/**
 * What an award of the demonstration data must be, so that a documented example request finds it; the
 * rest of the award is drawn as for any other.
 */
export interface AwardPin {
  readonly typeCode: string;
  readonly toptierId: number;
  /** Date of the first action (YYYY-MM-DD). */
  readonly firstDate: string;
  readonly description: string;
  readonly subawards: number;
  /** A disaster emergency fund code its File C rows carry (and the award is then reported in File C). */
  readonly defc?: string;
}

/**
 * Award number `id` (1-based) for a seed: the same inputs always give the same award. A pin fixes some
 * of its traits; the random draws stay the same, so pinning never changes another award.
 */
export function buildAward(factory: AwardFactory, id: number, pin?: AwardPin): AwardModel {
  const { context } = factory;
  const random = new Random(hashSeed(factory.seed, 0xa3a2d, id));
  const drawnType = awardTypeFor(random.next(), random.next());
  const type = pin ? awardTypeOf(pin.typeCode) : drawnType;
  // The first awards cycle through every agency so each one has data, whatever the volume.
  const drawnAgency =
    id <= context.agencies.length * 3
      ? context.agencies[id % context.agencies.length]
      : random.pick(factory.weightedAgencies);
  const agency = pin ? pinnedAgency(context, pin.toptierId) : drawnAgency;
  const drawnFunding = random.chance(0.85) ? agency : random.pick(factory.weightedAgencies);
  const fundingAgency = pin ? agency : drawnFunding;
  const drawnDay = random.int(FIRST_DAY, LAST_DAY);
  const firstDay = pin ? Date.parse(`${pin.firstDate}T00:00:00Z`) / 86_400_000 : drawnDay;
  const tas = random.pick(availableTas(fundingAgency, fiscalYearOf(firstDay)));
  const drawnDescription = random.pick(type.isFpds ? CONTRACT_DESCRIPTIONS : ASSISTANCE_DESCRIPTIONS);
  const description = pin ? pin.description : drawnDescription;
  const transactions = buildTransactions(random, { id, type }, firstDay, description);
  const subtier = random.pick(agency.subtiers);
  const serial = id.toString(36).toUpperCase().padStart(7, '0');
  const piid = type.isFpds
    ? `${agency.abbreviation.slice(0, 4) || 'AG'}${fiscalYearOf(firstDay) % 100}${type.code.replace(/_/g, '')}${serial}`
    : null;
  // A placeholder until IdvHierarchy links the contract to a real IDV (or drops it when there is none).
  const parentPiid = type.category === 'contract' && random.chance(0.4) ? `IDV${serial}` : null;
  const isAggregate = type.category === 'direct payment' && random.chance(0.3);
  const fain = type.isFpds || isAggregate ? null : `${fiscalYearOf(firstDay)}${subtier.code}${serial}`;
  const uri = isAggregate ? `AGG${serial}` : null;
  const uniqueKey = awardUniqueKey({ type, piid, fain, uri, awarding: { subtier } }, null, null);
  const covid =
    context.covidCodes.length &&
    firstDay >= COVID_START &&
    firstDay < IIJA_START + 400 &&
    random.chance(0.25);
  const iija = context.infrastructureCodes.length && firstDay >= IIJA_START && random.chance(0.15);
  const paKey = `${tas.aid}-${tas.mainAccountCode}`;
  return {
    id,
    seed: factory.seed,
    type,
    uniqueKey,
    piid,
    fain,
    uri,
    parentPiid,
    parentAgency: null,
    awarding: { agency, subtier },
    funding: {
      agency: fundingAgency,
      subtier: fundingAgency === agency ? subtier : random.pick(fundingAgency.subtiers),
    },
    recipient: factory.recipients[random.int(0, factory.recipients.length - 1)],
    pop: makeLocation(random, context, 0.04),
    naics: random.pick(context.naics),
    psc: random.pick(context.psc),
    cfda: random.pick(CFDA_PROGRAMS),
    profileIndex: random.int(0, factory.profileCount - 1),
    description,
    transactions,
    tas,
    objectClassId: random.pick(context.objectClassIds),
    programActivityId: random.pick(
      context.programActivities.get(paKey) ?? context.programActivities.get('*') ?? [1],
    ),
    defc:
      pin?.defc ??
      (covid ? random.pick(context.covidCodes) : iija ? random.pick(context.infrastructureCodes) : null),
    inFileC: (firstDay >= FILE_C_START && random.chance(0.6)) || pin?.defc !== undefined,
    // Disaster-funded awards report subawards more often, so the disaster files have subawards too.
    subawardCount:
      pin?.subawards ??
      ((type.category === 'contract' || type.category === 'grant') &&
      random.chance(covid || iija ? 0.6 : 0.15)
        ? random.int(1, 6)
        : 0),
  };
}

function pinnedAgency(context: SeedContext, toptierId: number): AgencyRef {
  const agency = context.agencies.find((candidate) => candidate.toptierId === toptierId);
  if (!agency) throw new Error(`A pinned award names toptier agency ${toptierId}, which has no accounts`);
  return agency;
}

/**
 * `generated_unique_award_id` as the reference builds it: `CONT_AWD_<piid>_<agency>_<parent piid>_<parent
 * agency>` (`-NONE-` without a parent), `CONT_IDV_<piid>_<agency>`, `ASST_AGG_<uri>_<agency>` for aggregate
 * assistance records and `ASST_NON_<fain>_<agency>` for the others.
 */
export function awardUniqueKey(
  award: Pick<AwardModel, 'type' | 'piid' | 'fain' | 'uri'> & { awarding: { subtier: SubtierRef } },
  parentPiid: string | null,
  parentAgencyCode: string | null,
): string {
  const agency = award.awarding.subtier.code;
  if (award.type.category === 'idv') return `CONT_IDV_${award.piid}_${agency}`;
  if (award.type.isFpds)
    return `CONT_AWD_${award.piid}_${agency}_${parentPiid ?? '-NONE-'}_${parentAgencyCode ?? '-NONE-'}`;
  return award.uri ? `ASST_AGG_${award.uri}_${agency}` : `ASST_NON_${award.fain}_${agency}`;
}

export const sumOf = (transactions: readonly TransactionModel[], field: keyof TransactionModel): number =>
  transactions.reduce((total, transaction) => total + (transaction[field] as number), 0);
