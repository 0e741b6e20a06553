import { hashSeed, Random } from './prng.util';
import { SeedContext } from './seed-context';
import {
  INSTITUTION_NAMES,
  NAME_SUFFIXES,
  NAME_WORDS,
  OFFICER_NAMES,
  STREETS,
  TRICKY_NAMES,
} from './text-pools.util';

export interface LocationModel {
  readonly foreign: boolean;
  readonly countryCode: string;
  readonly countryName: string;
  readonly stateCode: string | null;
  readonly stateName: string | null;
  readonly stateFips: string | null;
  readonly countyCode: string | null;
  readonly countyName: string | null;
  /** 5-digit state + county FIPS. */
  readonly countyFips: string | null;
  readonly cityName: string;
  readonly zip5: string | null;
  readonly zipLast4: string | null;
  readonly congressional: string | null;
  readonly congressionalCurrent: string | null;
  readonly foreignPostalCode: string | null;
}

export interface RecipientModel {
  readonly name: string;
  readonly uei: string;
  readonly duns: string;
  readonly parentName: string;
  readonly parentUei: string;
  readonly parentDuns: string;
  readonly address: string;
  readonly location: LocationModel;
  readonly businessTypes: string;
  readonly businessTypesDescription: string;
  readonly officers: readonly (readonly [string, number])[];
  readonly businessCategories: readonly string[];
}

const BUSINESS_TYPES = [
  ['R', 'For-Profit Organization (Other than Small Business)', 'category_business'],
  ['Q', 'For-Profit Organization (Small Business)', 'small_business'],
  ['H', 'Public/State Controlled Institution of Higher Education', 'higher_education'],
  ['M', 'Nonprofit with 501C3 IRS Status (Other than an Institution of Higher Education)', 'nonprofit'],
  ['B', 'County Government', 'government'],
  ['C', 'City or Township Government', 'government'],
  ['P', 'Individual', 'individuals'],
  ['I', 'Indian/Native American Tribal Government (Federally Recognized)', 'government'],
] as const;

/** A US county (every state is reachable: the state is drawn first) or, for `foreignShare`, a foreign city. */
export function makeLocation(random: Random, context: SeedContext, foreignShare: number): LocationModel {
  if (random.chance(foreignShare)) {
    const country = random.pick(context.countries);
    return {
      foreign: true,
      countryCode: country.code,
      countryName: country.description,
      stateCode: null,
      stateName: null,
      stateFips: null,
      countyCode: null,
      countyName: null,
      countyFips: null,
      cityName: `${country.description.split(/[ ,(]/)[0]} City`,
      zip5: null,
      zipLast4: null,
      congressional: null,
      congressionalCurrent: null,
      foreignPostalCode: random.alnum(6),
    };
  }
  const county = random.pick(random.pick(context.states));
  const district = String(random.int(1, 12)).padStart(2, '0');
  return {
    foreign: false,
    countryCode: 'USA',
    countryName: 'UNITED STATES',
    stateCode: county.stateCode,
    stateName: county.stateName,
    stateFips: county.stateFips,
    countyCode: county.countyCode,
    countyName: county.countyName.toUpperCase(),
    countyFips: `${county.stateFips}${county.countyCode}`,
    cityName: random.pick(county.cities).toUpperCase(),
    zip5: String((Number(county.stateFips) * 1789 + Number(county.countyCode) * 7) % 100000).padStart(5, '0'),
    zipLast4: random.digits(4),
    congressional: district,
    // Redistricting moved about one in ten addresses to another district.
    congressionalCurrent: random.chance(0.1) ? String(random.int(1, 12)).padStart(2, '0') : district,
    foreignPostalCode: null,
  };
}

function recipientName(random: Random, index: number): string {
  if (index < TRICKY_NAMES.length) return TRICKY_NAMES[index];
  if (random.chance(0.15)) return `${random.pick(NAME_WORDS)} ${random.pick(INSTITUTION_NAMES)}`;
  return `${random.pick(NAME_WORDS)} ${random.pick(NAME_WORDS)} ${random.pick(NAME_SUFFIXES)}`;
}

/** A fixed pool of recipients (with UEI, DUNS, parent and address), the same for a given seed. */
export function buildRecipientPool(seed: number, context: SeedContext, size: number): RecipientModel[] {
  const pool: RecipientModel[] = [];
  for (let index = 0; index < size; index++) {
    const random = new Random(hashSeed(seed, 0x5ec1, index));
    const name = recipientName(random, index);
    const uei = random.alnum(12);
    const duns = random.digits(9);
    const parent =
      index > 20 && random.chance(0.3) ? pool[random.int(0, Math.min(index, 200) - 1)] : undefined;
    const [code, description, category] = random.pick(BUSINESS_TYPES);
    const officers = random.chance(0.2)
      ? OFFICER_NAMES.slice(0, 5).map((officer) => [officer, random.cents(150_000, 2_000_000)] as const)
      : [];
    pool.push({
      name,
      uei,
      duns,
      parentName: parent?.name ?? name,
      parentUei: parent?.uei ?? uei,
      parentDuns: parent?.duns ?? duns,
      address: `${random.int(1, 9999)} ${random.pick(STREETS)}`,
      location: makeLocation(random, context, 0.05),
      businessTypes: code,
      businessTypesDescription: description,
      officers,
      businessCategories: [category],
    });
  }
  return pool;
}
