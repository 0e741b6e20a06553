import { ClientBase } from 'pg';
import { catalogFor } from '../../../src/catalog/catalog-lookup.util';
import { copyField } from '../../../src/database/copy/csv-format.util';
import { hashSeed, Random } from './prng.util';

/**
 * FPDS contract attributes (competition, pricing, set-aside, ~100 business-category flags, ...) as a
 * pool of "profiles": each award picks one, and its transactions repeat it. The columns are every
 * FPDS-only column that transaction.d1 outputs and the row builders do not fill themselves, read from
 * the catalog and the live schema. Only columns with a known meaning get values: booleans, the code/
 * description pairs of FPDS_PAIRS (code and description drawn together) and PLAIN_VALUES; any other
 * column (a new one included) stays NULL rather than holding a made-up flag.
 */

/** Which contract rows a profile fragment is for: IDV-only and ordering-only columns differ. */
export type ContractKind = 'idv' | 'order' | 'award';

export interface ContractProfile {
  readonly values: ReadonlyMap<string, string | null>;
  /** The profile's columns as one CSV fragment per contract kind, in ContractProfiles.columns order. */
  readonly fragments: Readonly<Record<ContractKind, string>>;
}

export interface ContractProfiles {
  readonly columns: readonly string[];
  readonly profiles: readonly ContractProfile[];
  /** The fragment for assistance rows: every profile column NULL. */
  readonly emptyFragment: string;
}

type Pair = readonly [string, string];
const YES_NO: readonly Pair[] = [
  ['N', 'NO'],
  ['Y', 'YES'],
];
const YES_NO_NA: readonly Pair[] = [
  ['N', 'NO'],
  ['Y', 'YES'],
  ['X', 'NOT APPLICABLE'],
];

/**
 * Real FPDS code/description pairs, keyed by the code column: [description column, pairs]. The first
 * pair is the most common. Code/description columns of the catalog missing here stay NULL, so a
 * description never disagrees with its code.
 */
export const FPDS_PAIRS: Readonly<Record<string, readonly [string, readonly Pair[]]>> = {
  extent_competed: [
    'extent_compete_description',
    [
      ['A', 'FULL AND OPEN COMPETITION'],
      ['B', 'NOT AVAILABLE FOR COMPETITION'],
      ['C', 'NOT COMPETED'],
      ['D', 'FULL AND OPEN COMPETITION AFTER EXCLUSION OF SOURCES'],
      ['F', 'COMPETED UNDER SAP'],
      ['G', 'NOT COMPETED UNDER SAP'],
    ],
  ],
  type_of_contract_pricing: [
    'type_of_contract_pric_desc',
    [
      ['J', 'FIRM FIXED PRICE'],
      ['U', 'COST PLUS FIXED FEE'],
      ['Y', 'TIME AND MATERIALS'],
      ['R', 'COST PLUS AWARD FEE'],
      ['S', 'COST NO FEE'],
      ['K', 'FIXED PRICE WITH ECONOMIC PRICE ADJUSTMENT'],
    ],
  ],
  type_set_aside: [
    'type_set_aside_description',
    [
      ['NONE', 'NO SET ASIDE USED.'],
      ['SBA', 'SMALL BUSINESS SET ASIDE - TOTAL'],
      ['8A', '8A COMPETED'],
      ['HZC', 'HUBZONE SET-ASIDE'],
      ['SDVOSBC', 'SERVICE DISABLED VETERAN OWNED SMALL BUSINESS SET-ASIDE'],
      ['WOSB', 'WOMEN OWNED SMALL BUSINESS'],
    ],
  ],
  commercial_item_acquisitio: [
    'commercial_item_acqui_desc',
    [
      ['A', 'COMMERCIAL PRODUCTS/SERVICES'],
      ['D', 'COMMERCIAL PRODUCTS/SERVICES PROCEDURES NOT USED'],
    ],
  ],
  solicitation_procedures: [
    'solicitation_procedur_desc',
    [
      ['NP', 'NEGOTIATED PROPOSAL/QUOTE'],
      ['SP1', 'SIMPLIFIED ACQUISITION'],
      ['MAFO', 'SUBJECT TO MULTIPLE AWARD FAIR OPPORTUNITY'],
    ],
  ],
  domestic_or_foreign_entity: [
    'domestic_or_foreign_e_desc',
    [
      ['A', 'U.S. OWNED BUSINESS'],
      ['C', 'FOREIGN-OWNED BUSINESS NOT INCORPORATED IN THE U.S.'],
    ],
  ],
  foreign_funding: [
    'foreign_funding_desc',
    [
      ['X', 'NOT APPLICABLE'],
      ['A', 'FOREIGN FUNDS FMS'],
      ['B', 'FOREIGN FUNDS NON-FMS'],
    ],
  ],
  multiple_or_single_award_i: [
    'multiple_or_single_aw_desc',
    [
      ['M', 'MULTIPLE AWARD'],
      ['S', 'SINGLE AWARD'],
    ],
  ],
  type_of_idc: [
    'type_of_idc_description',
    [
      ['B', 'INDEFINITE DELIVERY / INDEFINITE QUANTITY'],
      ['A', 'INDEFINITE DELIVERY / REQUIREMENTS'],
      ['C', 'INDEFINITE DELIVERY / DEFINITE QUANTITY'],
    ],
  ],
  inherently_government_func: [
    'inherently_government_desc',
    [
      ['OT', 'OTHER FUNCTIONS'],
      ['CL', 'CLOSELY ASSOCIATED'],
      ['CT', 'CRITICAL FUNCTIONS'],
    ],
  ],
  contract_bundling: [
    'contract_bundling_descrip',
    [
      ['H', 'NOT BUNDLED'],
      ['A', 'MISSION CRITICAL'],
      ['C', 'OTHER'],
    ],
  ],
  information_technology_com: [
    'information_technolog_desc',
    [
      ['Z', 'NOT IT PRODUCTS OR SERVICES'],
      ['A', 'COMMERCIALLY AVAILABLE'],
      ['B', 'OTHER COMMERCIAL ITEM'],
      ['D', 'NON-COMMERCIAL ITEM'],
      ['E', 'COMMERCIAL SERVICE'],
    ],
  ],
  epa_designated_product: [
    'epa_designated_produc_desc',
    [
      ['E', 'NOT REQUIRED'],
      ['A', 'MEETS REQUIREMENTS'],
    ],
  ],
  country_of_product_or_serv: ['country_of_product_or_desc', [['USA', 'UNITED STATES']]],
  subcontracting_plan: [
    'subcontracting_plan_desc',
    [
      ['B', 'PLAN NOT REQUIRED'],
      ['A', 'PLAN NOT INCLUDED - NO SUBCONTRACTING POSSIBILITIES'],
    ],
  ],
  evaluated_preference: [
    'evaluated_preference_desc',
    [
      ['NONE', 'NO PREFERENCE USED'],
      ['SDA', 'SDB PRICE EVALUATION ADJUSTMENT'],
    ],
  ],
  fair_opportunity_limited_s: [
    'fair_opportunity_limi_desc',
    [
      ['FAIR', 'FAIR OPPORTUNITY GIVEN'],
      ['URG', 'URGENCY'],
      ['ONE', 'ONLY ONE SOURCE - OTHER'],
    ],
  ],
  commercial_item_test_progr: ['commercial_item_test_desc', YES_NO],
  a_76_fair_act_action: ['a_76_fair_act_action_desc', YES_NO],
  fed_biz_opps: ['fed_biz_opps_description', YES_NO_NA],
  local_area_set_aside: ['local_area_set_aside_desc', YES_NO],
  clinger_cohen_act_planning: ['clinger_cohen_act_pla_desc', YES_NO],
  materials_supplies_article: ['materials_supplies_descrip', YES_NO_NA],
  labor_standards: ['labor_standards_descrip', YES_NO_NA],
  construction_wage_rate_req: ['construction_wage_rat_desc', YES_NO_NA],
  interagency_contracting_au: [
    'interagency_contract_desc',
    [
      ['X', 'NOT APPLICABLE'],
      ['A', 'ECONOMY ACT'],
      ['B', 'OTHER STATUTORY AUTHORITY'],
    ],
  ],
  referenced_idv_type: [
    'referenced_idv_type_desc',
    [
      ['B', 'IDC'],
      ['A', 'GWAC'],
      ['C', 'FSS'],
      ['E', 'BPA'],
    ],
  ],
  referenced_mult_or_single: [
    'referenced_mult_or_si_desc',
    [
      ['M', 'MULTIPLE AWARD'],
      ['S', 'SINGLE AWARD'],
    ],
  ],
  national_interest_action: ['national_interest_desc', [['NONE', 'NONE']]],
  cost_or_pricing_data: [
    'cost_or_pricing_data_desc',
    [
      ['N', 'NO'],
      ['Y', 'YES'],
      ['W', 'NOT OBTAINED - WAIVED'],
    ],
  ],
  cost_accounting_standards: [
    'cost_accounting_stand_desc',
    [
      ['X', 'NOT APPLICABLE EXEMPT FROM CAS'],
      ['Y', 'YES - CAS CLAUSE INCLUDED'],
    ],
  ],
  government_furnished_prope: [
    'government_furnished_desc',
    [
      ['N', 'TRANSACTION DOES NOT USE GFE/GFP'],
      ['Y', 'TRANSACTION USES GFE/GFP'],
    ],
  ],
  sea_transportation: [
    'sea_transportation_desc',
    [
      ['U', 'UNKNOWN'],
      ['N', 'NO'],
      ['Y', 'YES'],
    ],
  ],
  undefinitized_action: [
    'undefinitized_action_desc',
    [
      ['X', 'NO'],
      ['L', 'LETTER CONTRACT'],
    ],
  ],
  consolidated_contract: [
    'consolidated_contract_desc',
    [
      ['N', 'NOT CONSOLIDATED'],
      ['Y', 'CONSOLIDATED'],
    ],
  ],
  performance_based_service: [
    'performance_based_se_desc',
    [
      ['N', 'NO - SERVICE WHERE PBA IS NOT USED.'],
      ['Y', 'YES - SERVICE WHERE PBA IS USED.'],
      ['X', 'NOT APPLICABLE'],
    ],
  ],
  multi_year_contract: ['multi_year_contract_desc', YES_NO],
  contract_financing: [
    'contract_financing_descrip',
    [
      ['Z', 'NOT APPLICABLE'],
      ['F', 'COMMERCIAL FINANCING'],
      ['E', 'PERFORMANCE-BASED FINANCING'],
    ],
  ],
  purchase_card_as_payment_m: ['purchase_card_as_paym_desc', YES_NO],
  contingency_humanitarian_o: ['contingency_humanitar_desc', [['X', 'NOT APPLICABLE']]],
  contracting_officers_deter: [
    'contracting_officers_desc',
    [
      ['S', 'SMALL BUSINESS'],
      ['O', 'OTHER THAN SMALL BUSINESS'],
    ],
  ],
};

/** Columns that describe an IDV itself: empty on awards and orders. */
export const IDV_ONLY_COLUMNS: ReadonlySet<string> = new Set([
  'multiple_or_single_award_i',
  'multiple_or_single_aw_desc',
  'type_of_idc',
  'type_of_idc_description',
]);
/** Columns that describe the IDV an order was placed under: empty unless the award has a parent IDV. */
export const ORDER_ONLY_COLUMNS: ReadonlySet<string> = new Set([
  'referenced_idv_modificatio',
  'referenced_idv_type',
  'referenced_idv_type_desc',
  'referenced_mult_or_single',
  'referenced_mult_or_si_desc',
  'fair_opportunity_limited_s',
  'fair_opportunity_limi_desc',
]);

const ORGANIZATIONAL_TYPES = [
  'CORPORATE NOT TAX EXEMPT',
  'PARTNERSHIP',
  'SOLE PROPRIETORSHIP',
  'CORPORATE TAX EXEMPT',
];

/** Plain (non-pair) text columns with a value of their own; every other text column stays NULL. */
const PLAIN_VALUES: Readonly<Record<string, (random: Random) => string | null>> = {
  number_of_actions: (random) => String(random.chance(0.9) ? 1 : random.int(2, 5)),
  number_of_offers_received: (random) => String(random.chance(0.4) ? 1 : random.int(2, 12)),
  cage_code: (random) => random.alnum(5),
  solicitation_identifier: (random) => (random.chance(0.5) ? `SOL${random.digits(8)}` : null),
  price_evaluation_adjustmen: (random) => (random.chance(0.1) ? '0.00' : null),
  referenced_idv_modificatio: () => '0',
  organizational_type: (random) => random.pick(ORGANIZATIONAL_TYPES),
};

export async function buildContractProfiles(
  client: ClientBase,
  seed: number,
  count: number,
  filledElsewhere: ReadonlySet<string>,
): Promise<ContractProfiles> {
  const columnsOf = (key: 'transaction.d1' | 'transaction.d2'): Set<string> =>
    new Set(
      catalogFor(key).columns.flatMap((c) =>
        /^transaction_search\.\w+$/.test(c.sql) ? [c.sql.slice(19)] : [],
      ),
    );
  const assistance = columnsOf('transaction.d2');
  const types = new Map(
    (
      await client.query<{ name: string; type: string }>(
        "SELECT column_name AS name, data_type AS type FROM information_schema.columns WHERE table_name = 'transaction_search'",
      )
    ).rows.map((row) => [row.name, row.type]),
  );
  const columns = [...columnsOf('transaction.d1')].filter(
    (c) => !assistance.has(c) && !filledElsewhere.has(c) && types.has(c),
  );
  const present = new Set(columns);
  const profiles: ContractProfile[] = [];
  for (let index = 0; index < count; index++) {
    const random = new Random(hashSeed(seed, 0xc0de, index));
    const values = new Map<string, string | null>();
    for (const column of columns) {
      const plain = PLAIN_VALUES[column];
      if (types.get(column) === 'boolean') values.set(column, random.chance(0.12) ? 't' : 'f');
      else if (plain) values.set(column, plain(random));
      else values.set(column, null);
    }
    for (const [code, [description, pairs]] of Object.entries(FPDS_PAIRS)) {
      if (!present.has(code)) continue;
      const pair = random.chance(0.6) ? pairs[0] : random.pick(pairs);
      values.set(code, pair[0]);
      if (present.has(description)) values.set(description, pair[1]);
    }
    const render = (blank: (column: string) => boolean): string =>
      columns.map((column) => copyField(blank(column) ? null : values.get(column))).join(',');
    profiles.push({
      values,
      fragments: {
        idv: render((column) => ORDER_ONLY_COLUMNS.has(column)),
        order: render((column) => IDV_ONLY_COLUMNS.has(column)),
        award: render((column) => IDV_ONLY_COLUMNS.has(column) || ORDER_ONLY_COLUMNS.has(column)),
      },
    });
  }
  return { columns, profiles, emptyFragment: columns.map(() => '').join(',') };
}
