import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectDataDir } from '../reference-data/reference-files.util';
import { xlsxWorkbook } from './xlsx-sheet.util';

/** The data dictionary's name inside the zip, as in the reference's downloads. */
export const DATA_DICTIONARY_FILE_NAME = 'Data_Dictionary_Crosswalk.xlsx';

interface ColumnsJsonEntry {
  readonly header: string;
  readonly request_name?: string;
  readonly source?: string;
  readonly kind?: string;
  readonly table?: string;
  readonly column?: string;
  readonly expression?: string;
}

const FILE_TYPE_NAMES: Readonly<Record<string, string>> = {
  award: 'Prime Award Summaries',
  transaction: 'Prime Transactions',
  sub_award: 'Subawards',
  account_balances: 'Account Balances (File A)',
  object_class_program_activity: 'Account Breakdown by Program Activity & Object Class (File B)',
  award_financial: 'Account Breakdown by Award (File C)',
  gtas_balances: 'GTAS Account Balances',
  disaster_recipient: 'COVID-19 Recipients',
};

const LEVEL_NAMES: Readonly<Record<string, string>> = {
  d1: 'Contracts',
  d2: 'Assistance',
  treasury_account: 'Treasury Account',
  federal_account: 'Federal Account',
  recipient: 'Recipient',
};

const HEADER_ROW = [
  'File',
  'Level',
  'Column',
  'Request Name',
  'Source Table',
  'Source Column',
  'How It Is Computed',
];

let dictionary: Promise<Buffer> | undefined;

/**
 * `Data_Dictionary_Crosswalk.xlsx`: every column of every download file with where its value comes from, built
 * once per process from data/columns.json (the reference fetches a hand-kept workbook from S3 instead).
 */
export function dataDictionary(): Promise<Buffer> {
  dictionary ??= buildDataDictionary().catch((error: unknown) => {
    dictionary = undefined;
    throw error;
  });
  return dictionary;
}

async function buildDataDictionary(): Promise<Buffer> {
  const json = JSON.parse(readFileSync(join(projectDataDir(), 'columns.json'), 'utf8')) as Record<
    string,
    Record<string, ColumnsJsonEntry[]>
  >;
  const rows: string[][] = [HEADER_ROW];
  for (const [fileType, levels] of Object.entries(json)) {
    if (fileType.startsWith('_')) continue;
    for (const [level, entries] of Object.entries(levels)) {
      for (const entry of entries) {
        rows.push([
          FILE_TYPE_NAMES[fileType] ?? fileType,
          LEVEL_NAMES[level] ?? level,
          entry.header,
          entry.request_name ?? entry.header,
          entry.table ?? '',
          entry.column ?? '',
          entry.kind === 'field' ? '' : (entry.expression ?? ''),
        ]);
      }
    }
  }
  return xlsxWorkbook('Data Dictionary', rows);
}
