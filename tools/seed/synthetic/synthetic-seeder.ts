import { ClientBase } from 'pg';
import { copyRecord } from '../../../src/database/copy/csv-format.util';
import { copyIn, upsertViaCopy } from '../../../src/database/copy/copy-in.util';
import { buildAward, AwardFactory, AwardPin } from './award-model';
import { AWARD_COLUMNS, awardRow } from './award-rows';
import { buildContractProfiles, ContractProfiles } from './contract-profiles';
import { buildRecipientPool } from './entity-pools';
import { accountRows, FILE_A_COLUMNS, FILE_B_COLUMNS, GTAS_COLUMNS } from './file-ab-rows';
import {
  awardFileCSummary,
  FILE_C_COLUMNS,
  fileCEntries,
  fileCRows,
  FileCTotals,
  newFileCTotals,
  PARK_CODES,
} from './file-c-rows';
import { IdvHierarchy } from './idv-hierarchy';
import { buildParentAwards } from '../../../src/data-model/parent-awards';
import { loadSeedContext, SeedContext } from './seed-context';
import { SUBAWARD_COLUMNS } from './subaward-columns';
import { subawardRows } from './subaward-rows';
import {
  buildSubmissions,
  ensureSyntheticWindows,
  indexSubmissions,
  SUBMISSION_COLUMNS,
  submissionRecord,
  SubmissionIndex,
  SubmissionModel,
} from './submission-model';
import {
  TRANSACTION_ROW_COLUMNS,
  TRANSACTION_SHARED_COLUMNS,
  transactionColumns,
  transactionRows,
} from './transaction-rows';

export interface SyntheticOptions {
  readonly awards: number;
  readonly seed: number;
  /** Fiscal years of account submissions (Files A, B, C); default FY2017–FY2026. */
  readonly submissionYears?: readonly [number, number];
  /** Awards appended after the N random ones (ids N+1, N+2, ...) with some traits fixed. */
  readonly pinned?: readonly AwardPin[];
}

export interface TableLoad {
  readonly table: string;
  readonly rows: number;
  readonly seconds: number;
}

/** Tables the synthetic load replaces, children first (the order TRUNCATE and reporting use). */
export const SYNTHETIC_TABLES = [
  'parent_award',
  'gtas_sf133_balances',
  'financial_accounts_by_awards',
  'financial_accounts_by_program_activity_object_class',
  'appropriation_account_balances',
  'submission_attributes',
  'subaward_search',
  'transaction_search',
  'award_search',
];

interface Generation {
  readonly options: SyntheticOptions;
  readonly factory: AwardFactory;
  readonly profiles: ContractProfiles;
  readonly submissions: readonly SubmissionModel[];
  readonly submissionIndex: SubmissionIndex;
}

async function prepare(client: ClientBase, options: SyntheticOptions): Promise<Generation> {
  await ensureSyntheticWindows(client);
  await upsertViaCopy(
    client,
    'program_activity_park',
    ['code'],
    ['code', 'name'],
    PARK_CODES.map((code, i) => copyRecord([code, `Program activity reporting key ${i + 1}`])),
  );
  const context: SeedContext = await loadSeedContext(client);
  const [fromYear, toYear] = options.submissionYears ?? [2017, 2026];
  const submissions = buildSubmissions(context.agencies, context.windows).filter(
    (s) => s.fiscalYear >= fromYear && s.fiscalYear <= toYear,
  );
  const factory: AwardFactory = {
    seed: options.seed,
    context,
    recipients: buildRecipientPool(
      options.seed,
      context,
      Math.min(5000, Math.max(300, Math.round(options.awards / 20))),
    ),
    profileCount: 300,
    weightedAgencies: context.agencies.flatMap((agency) =>
      Array<typeof agency>(Math.ceil(Math.sqrt(agency.tas.length))).fill(agency),
    ),
  };
  const filled = new Set([...TRANSACTION_ROW_COLUMNS, ...TRANSACTION_SHARED_COLUMNS]);
  const profiles = await buildContractProfiles(client, options.seed, factory.profileCount, filled);
  return { options, factory, profiles, submissions, submissionIndex: indexSubmissions(submissions) };
}

/** One COPY pass: `rowsOf` renders award N's rows and counts them. */
async function pass(
  client: ClientBase,
  table: string,
  columns: readonly string[],
  records: (counter: { rows: number }) => Generator<string>,
): Promise<TableLoad> {
  const started = process.hrtime.bigint();
  const counter = { rows: 0 };
  await copyIn(client, table, columns, records(counter));
  return { table, rows: counter.rows, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/** Awards 1..N in order, linked into IDV hierarchies (the same links in every pass). */
function* awards(generation: Generation): Generator<ReturnType<typeof buildAward>> {
  const hierarchy = new IdvHierarchy(generation.options.seed);
  const { awards: count, pinned = [] } = generation.options;
  for (let id = 1; id <= count; id++) yield hierarchy.link(buildAward(generation.factory, id));
  for (const [index, pin] of pinned.entries())
    yield hierarchy.link(buildAward(generation.factory, count + 1 + index, pin));
}

function awardPasses(generation: Generation, totals: FileCTotals) {
  const { profiles, submissionIndex, factory } = generation;
  const defcGroups = {
    covid: factory.context.covidCodes,
    iija: factory.context.infrastructureCodes,
  };
  return {
    transactions: (client: ClientBase) =>
      pass(client, 'transaction_search', transactionColumns(profiles), function* (c) {
        for (const award of awards(generation)) {
          c.rows += award.transactions.length;
          yield transactionRows(award, profiles);
        }
      }),
    awards: (client: ClientBase) =>
      pass(client, 'award_search', AWARD_COLUMNS, function* (c) {
        for (const award of awards(generation)) {
          c.rows++;
          yield awardRow(
            award,
            profiles,
            awardFileCSummary(fileCEntries(award, submissionIndex), defcGroups),
          );
        }
      }),
    subawards: (client: ClientBase) =>
      pass(client, 'subaward_search', SUBAWARD_COLUMNS, function* (c) {
        for (const award of awards(generation)) {
          c.rows += award.subawardCount;
          yield subawardRows(award, factory.recipients);
        }
      }),
    fileC: (client: ClientBase) =>
      pass(client, 'financial_accounts_by_awards', FILE_C_COLUMNS, function* (c) {
        const nextId = () => ++c.rows;
        for (const award of awards(generation))
          yield fileCRows(award, fileCEntries(award, submissionIndex), nextId, totals);
      }),
  };
}

const ACCOUNT_FILES = {
  fileA: { table: 'appropriation_account_balances', columns: FILE_A_COLUMNS, id: 'a' },
  fileB: { table: 'financial_accounts_by_program_activity_object_class', columns: FILE_B_COLUMNS, id: 'b' },
  gtas: { table: 'gtas_sf133_balances', columns: GTAS_COLUMNS, id: 'g' },
} as const;

function accountPass(generation: Generation, totals: FileCTotals, file: keyof typeof ACCOUNT_FILES) {
  const { table, columns, id } = ACCOUNT_FILES[file];
  return (client: ClientBase) =>
    pass(client, table, columns, function* (c) {
      const ids = { a: 1, b: 1, g: 1 };
      for (const group of generation.submissionIndex.values()) {
        const before = ids[id];
        const rows = accountRows(generation.options.seed, generation.factory.context, group, totals, ids);
        c.rows += ids[id] - before;
        yield rows[file];
      }
    });
}

/**
 * Generates and COPYs the synthetic awards, transactions, subawards, submissions and Files A/B/C into
 * empty tables (the caller truncates). With four clients every award-side table streams on its own
 * connection, and Files A/B follow File C on its connection while the long transaction load goes on.
 */
export async function seedSynthetic(
  clients: readonly ClientBase[],
  options: SyntheticOptions,
): Promise<TableLoad[]> {
  const generation = await prepare(clients[0], options);
  const submissionsLoad = await pass(clients[0], 'submission_attributes', SUBMISSION_COLUMNS, function* (c) {
    for (const submission of generation.submissions) {
      c.rows++;
      yield submissionRecord(submission);
    }
  });
  const totals = newFileCTotals();
  const passes = awardPasses(generation, totals);
  const lanes: ((client: ClientBase) => Promise<TableLoad>)[][] = [
    // Files A and B need File C's totals, so they run after it on the same connection.
    [
      passes.fileC,
      accountPass(generation, totals, 'fileA'),
      accountPass(generation, totals, 'fileB'),
      accountPass(generation, totals, 'gtas'),
    ],
    [passes.transactions],
    [passes.awards],
    [passes.subawards],
  ];
  const laneCount = Math.min(clients.length, lanes.length);
  const assigned = Array.from({ length: laneCount }, (_, i) =>
    lanes.filter((_, lane) => lane % laneCount === i).flat(),
  );
  const results = await Promise.all(
    assigned.map(async (tasks, i) => {
      const loads: TableLoad[] = [];
      for (const task of tasks) loads.push(await task(clients[i]));
      return loads;
    }),
  );
  // The IDV table is derived from the loaded awards, as the reference's pipeline derives it.
  const started = process.hrtime.bigint();
  const parentAwards = await buildParentAwards(clients[0]);
  const parentLoad = {
    table: 'parent_award',
    rows: parentAwards,
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
  };
  return [submissionsLoad, ...results.flat(), parentLoad];
}
