import { ClientBase } from 'pg';
import { catalogFor } from '../../catalog/catalog-lookup.util';
import { copyField } from '../csv/csv-format.util';
import { hashSeed, Random } from './prng.util';

/**
 * FPDS contract attributes (competition, pricing, set-aside, ~100 business-category flags, ...) as a
 * pool of "profiles": each award picks one, and its transactions repeat it. The columns are every
 * FPDS-only column that transaction.d1 outputs and the row builders do not fill themselves, read from
 * the catalog and the live schema, so a column added to either is populated without code changes.
 */
export interface ContractProfile {
  readonly values: ReadonlyMap<string, string | null>;
  /** The profile's columns as one CSV fragment, in ContractProfiles.columns order. */
  readonly fragment: string;
}

export interface ContractProfiles {
  readonly columns: readonly string[];
  readonly profiles: readonly ContractProfile[];
  /** The fragment for assistance rows: every profile column NULL. */
  readonly emptyFragment: string;
}

/** Realistic code/description pairs for the attributes filters and readers care about. */
const KNOWN_PAIRS: Readonly<
  Record<string, readonly [string, string, readonly (readonly [string, string])[]]>
> = {
  extent: [
    'extent_competed',
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
  pricing: [
    'type_of_contract_pricing',
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
  setAside: [
    'type_set_aside',
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
  commercial: [
    'commercial_item_acquisitio',
    'commercial_item_acqui_desc',
    [
      ['A', 'COMMERCIAL PRODUCTS/SERVICES'],
      ['D', 'COMMERCIAL PRODUCTS/SERVICES PROCEDURES NOT USED'],
    ],
  ],
  solicitation: [
    'solicitation_procedures',
    'solicitation_procedur_desc',
    [
      ['NP', 'NEGOTIATED PROPOSAL/QUOTE'],
      ['SP1', 'SIMPLIFIED ACQUISITION'],
      ['MAFO', 'SUBJECT TO MULTIPLE AWARD FAIR OPPORTUNITY'],
    ],
  ],
  domestic: [
    'domestic_or_foreign_entity',
    'domestic_or_foreign_e_desc',
    [
      ['A', 'U.S. OWNED BUSINESS'],
      ['C', 'FOREIGN-OWNED BUSINESS NOT INCORPORATED IN THE U.S.'],
    ],
  ],
};

const GENERIC_CODES: readonly (readonly [string, string])[] = [
  ['N', 'NO'],
  ['Y', 'YES'],
  ['X', 'NOT APPLICABLE'],
  ['D', 'NOT REQUIRED'],
];
const isDescription = (column: string): boolean => /(_desc|_description|_descrip|_descr)$/.test(column);

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
  const pairOf = new Map<string, [number, readonly (readonly [string, string])[]]>();
  for (const [code, description, pairs] of Object.values(KNOWN_PAIRS)) {
    pairOf.set(code, [0, pairs]);
    pairOf.set(description, [1, pairs]);
  }
  const profiles: ContractProfile[] = [];
  for (let index = 0; index < count; index++) {
    const random = new Random(hashSeed(seed, 0xc0de, index));
    const chosen = new Map<readonly (readonly [string, string])[], readonly [string, string]>();
    const values = new Map<string, string | null>();
    for (const column of columns) {
      const type = types.get(column);
      const known = pairOf.get(column);
      if (known) {
        const pair = chosen.get(known[1]) ?? random.pick(known[1]);
        chosen.set(known[1], pair);
        values.set(column, pair[known[0]]);
      } else if (type === 'boolean') values.set(column, random.chance(0.12) ? 't' : 'f');
      else if (type !== 'text' || random.chance(0.25)) values.set(column, null);
      else values.set(column, random.pick(GENERIC_CODES)[isDescription(column) ? 1 : 0]);
    }
    profiles.push({ values, fragment: columns.map((column) => copyField(values.get(column))).join(',') });
  }
  return { columns, profiles, emptyFragment: columns.map(() => '').join(',') };
}
