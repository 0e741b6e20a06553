import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { CatalogKey } from '../../src/catalog/catalog.types';
import { buildSelectSql } from '../../src/catalog/select-sql.util';

/**
 * The files of the round trip besides the award archives: subaward downloads (one in each delimiter the importer
 * reads) and the treasury-account-level Files A, B and C, with File C linked to the awards.
 */
export const CATALOG_FILES: readonly { key: CatalogKey; name: string; delimiter: ',' | '\t' | '|' }[] = [
  { key: 'sub_award.d1', name: 'Contracts_Subawards.tsv', delimiter: '\t' },
  { key: 'sub_award.d2', name: 'Assistance_Subawards.txt', delimiter: '|' },
  { key: 'account_balances.treasury_account', name: 'FileA_account_balances.csv', delimiter: ',' },
  {
    key: 'object_class_program_activity.treasury_account',
    name: 'FileB_object_class_program_activity.csv',
    delimiter: ',',
  },
  { key: 'award_financial.treasury_account', name: 'FileC_award_financial.csv', delimiter: ',' },
];

/**
 * Writes every file of CATALOG_FILES from `databaseUrl` into `folder` (emptied first), as the custom downloads
 * write them: the catalog's SELECT streamed through COPY, with a header row. Returns the folder.
 */
export async function writeCatalogFiles(databaseUrl: string, folder: string): Promise<string> {
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    for (const { key, name, delimiter } of CATALOG_FILES) {
      const sql = buildSelectSql(key, { permalinkHost: 'www.usaspending.gov' });
      const escaped = delimiter === '\t' ? `E'\\t'` : `'${delimiter}'`;
      await pipeline(
        client.query(copyTo(`COPY (${sql}) TO STDOUT WITH (FORMAT csv, HEADER true, DELIMITER ${escaped})`)),
        createWriteStream(join(folder, name)),
      );
    }
  } finally {
    await client.end();
  }
  return folder;
}
