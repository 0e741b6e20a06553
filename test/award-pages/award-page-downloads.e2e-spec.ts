import { catalogFor } from '../../src/catalog/catalog-lookup.util';
import { AWARD_PAGE_EXAMPLES } from '../../src/award-page-download/award-page-examples';
import { dataParts } from '../support/data-parts';
import { downloadFiles } from '../support/download-files';
import { closeSeededApp, createSeededApp, SeededApp } from '../support/seeded-app';

const ZIP_TS = '\\d{4}-\\d{2}-\\d{2}_H\\d{2}M\\d{2}S\\d{8}';
const FUNDING_HEADERS = catalogFor('award_financial.treasury_account').headers;

describe('POST /api/v2/download/idv/, /contract/, /assistance/ (end to end through Bull)', () => {
  let seeded: SeededApp;
  const count = async (sql: string, params: unknown[]): Promise<number> =>
    Number((await seeded.dataSource.query<{ n: string }[]>(sql, params))[0].n);
  const awardOf = async (generatedId: string) =>
    (
      await seeded.dataSource.query<{ award_id: string; piid: string | null; fain: string | null }[]>(
        'SELECT award_id, piid, fain FROM award_search WHERE generated_unique_award_id = $1',
        [generatedId],
      )
    )[0];

  beforeAll(async () => {
    seeded = await createSeededApp({ DOWNLOAD_CACHE_ENABLED: 'false' });
  });

  afterAll(async () => {
    await closeSeededApp(seeded);
  });

  it("IDV: the funding of the whole hierarchy, the child and grandchild orders, the IDV's own transactions", async () => {
    const idv = await awardOf(AWARD_PAGE_EXAMPLES.idv.award_id);
    const id = Number(idv.award_id);
    const { response, entries, status } = await downloadFiles(
      seeded.app,
      '/api/v2/download/idv/',
      AWARD_PAGE_EXAMPLES.idv,
    );
    const slug = idv.piid!.replace(/[^A-Za-z0-9_]/g, '_');
    expect(response.file_name).toMatch(new RegExp(`^IDV_${slug}_${ZIP_TS}\\.zip$`));
    expect(response.download_request).toMatchObject({
      download_types: ['idv_federal_account_funding', 'idv_orders', 'idv_transaction_history'],
      filters: { idv_award_id: id },
      is_for_idv: true,
      piid: idv.piid,
      request_type: 'idv',
      limit: 500000,
    });
    expect([...entries.keys()]).toEqual([
      `IDV_${slug}_FederalAccountFunding_1.csv`,
      `IDV_${slug}_Orders_1.csv`,
      `IDV_${slug}_TransactionHistory_1.csv`,
      'Data_Dictionary_Crosswalk.xlsx',
      'readme.txt',
    ]);
    const files = dataParts(entries);
    const funding = files.get(`IDV_${slug}_FederalAccountFunding`)!;
    const orders = files.get(`IDV_${slug}_Orders`)!;
    const history = files.get(`IDV_${slug}_TransactionHistory`)!;
    expect(funding.header).toEqual(FUNDING_HEADERS);
    expect(orders.header).toEqual(catalogFor('award.d1').headers);
    expect(history.header).toEqual(catalogFor('transaction.d1').headers);

    // The oracle walks the hierarchy its own way: child IDVs by parent_award, orders by PIID and agency.
    const family = `
      WITH idvs AS (SELECT award_id FROM parent_award WHERE award_id = $1
                    UNION SELECT award_id FROM parent_award WHERE parent_award_id = $1),
      below AS (SELECT DISTINCT o.award_id FROM idvs JOIN award_search i ON i.award_id = idvs.award_id
                JOIN award_search o ON (o.parent_award_piid, o.fpds_parent_agency_id) = (i.piid, i.fpds_agency_id))`;
    const expectedOrders = await count(`${family} SELECT count(*) AS n FROM below`, [id]);
    const grandchildren = await count(
      `${family} SELECT count(*) AS n FROM below JOIN award_search o ON o.award_id = below.award_id
       WHERE o.parent_award_piid <> (SELECT piid FROM award_search WHERE award_id = $1)`,
      [id],
    );
    const expectedFunding = await count(
      `${family} SELECT count(*) AS n FROM financial_accounts_by_awards WHERE award_id IN (SELECT award_id FROM below) OR award_id = $1`,
      [id],
    );
    const expectedHistory = await count('SELECT count(*) AS n FROM transaction_search WHERE award_id = $1', [
      id,
    ]);
    expect(grandchildren).toBeGreaterThan(0);
    expect(orders.records).toHaveLength(expectedOrders);
    expect(funding.records.length).toBe(expectedFunding);
    expect(funding.records.length).toBeGreaterThan(0);
    expect(history.records).toHaveLength(expectedHistory);
    const orderKeys = new Set(orders.records.map((record) => record[0]));
    expect(orderKeys.has(AWARD_PAGE_EXAMPLES.idv.award_id)).toBe(false);
    expect(status.total_columns).toBe(90 + 286 + 297);
    expect(status.total_rows).toBe(expectedOrders + expectedFunding + expectedHistory);
    const readme = entries.get('readme.txt')!.toString('utf8');
    expect(readme).toContain('IDV_<PIID>_Orders_1.csv');
    expect(readme).not.toMatch(/^#/m);
    expect(entries.get('Data_Dictionary_Crosswalk.xlsx')!.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it("contract: the award's funding, transaction history and subcontracts", async () => {
    const contract = await awardOf(AWARD_PAGE_EXAMPLES.contract.award_id);
    const id = Number(contract.award_id);
    const { response, entries, status } = await downloadFiles(seeded.app, '/api/v2/download/contract/', {
      award_id: id,
    });
    expect(response.file_name).toMatch(new RegExp(`^CONT_${contract.piid}_${ZIP_TS}\\.zip$`));
    expect(response.download_request).toMatchObject({
      award_id: id,
      filters: { award_id: id },
      piid: contract.piid,
    });
    const base = `Contract_${contract.piid}`;
    expect([...entries.keys()]).toEqual([
      `${base}_FederalAccountFunding_1.csv`,
      `${base}_TransactionHistory_1.csv`,
      `${base}_Sub-Awards_1.csv`,
      'Data_Dictionary_Crosswalk.xlsx',
      'ContractAwardSummary_download_readme.txt',
    ]);
    const files = dataParts(entries);
    const expected = {
      funding: await count('SELECT count(*) AS n FROM financial_accounts_by_awards WHERE award_id = $1', [
        id,
      ]),
      history: await count('SELECT count(*) AS n FROM transaction_search WHERE award_id = $1', [id]),
      subawards: await count('SELECT count(*) AS n FROM subaward_search WHERE award_id = $1', [id]),
    };
    expect(Object.values(expected).every((n) => n > 0)).toBe(true);
    expect(files.get(`${base}_FederalAccountFunding`)!.records).toHaveLength(expected.funding);
    expect(files.get(`${base}_TransactionHistory`)!.records).toHaveLength(expected.history);
    expect(files.get(`${base}_Sub-Awards`)!.records).toHaveLength(expected.subawards);
    expect(files.get(`${base}_Sub-Awards`)!.header).toEqual(catalogFor('sub_award.d1').headers);
    expect(status.total_columns).toBe(90 + 297 + 118);
    expect(status.total_rows).toBe(expected.funding + expected.history + expected.subawards);
    expect(entries.get('ContractAwardSummary_download_readme.txt')!.toString('utf8')).toContain(
      `https://www.usaspending.gov/award/${id}\r\n`,
    );
  });

  it('assistance, by generated id, as pipe-delimited text with a row limit', async () => {
    const grant = await awardOf(AWARD_PAGE_EXAMPLES.assistance.award_id);
    const { response, entries, status } = await downloadFiles(seeded.app, '/api/v2/download/assistance', {
      award_id: AWARD_PAGE_EXAMPLES.assistance.award_id,
      file_format: 'pstxt',
      limit: 2,
    });
    expect(response.file_name).toMatch(new RegExp(`^ASST_${grant.fain}_${ZIP_TS}\\.zip$`));
    expect(response.download_request).toMatchObject({
      assistance_id: grant.fain,
      limit: 2,
      file_format: 'pstxt',
    });
    const base = `Assistance_${grant.fain}`;
    expect([...entries.keys()]).toEqual([
      `${base}_FederalAccountFunding_1.txt`,
      `${base}_TransactionHistory_1.txt`,
      `${base}_Sub-Awards_1.txt`,
      'Data_Dictionary_Crosswalk.xlsx',
      'AssistanceAwardSummary_download_readme.txt',
    ]);
    const files = dataParts(entries, 'txt', '|');
    expect(files.get(`${base}_TransactionHistory`)!.header).toEqual(catalogFor('transaction.d2').headers);
    for (const file of files.values()) expect(file.records.length).toBeLessThanOrEqual(2);
    expect(files.get(`${base}_TransactionHistory`)!.records).toHaveLength(2);
    expect(files.get(`${base}_Sub-Awards`)!.records).toHaveLength(2);
    expect(status.total_columns).toBe(90 + 112 + 113);
  });

  it('keeps requested columns per file in request order; a file with none is an empty entry', async () => {
    const idv = await downloadFiles(seeded.app, '/api/v2/download/idv/', {
      ...AWARD_PAGE_EXAMPLES.idv,
      columns: ['current_total_value_of_award', 'contract_award_unique_key', 'program_activity_name'],
    });
    // program_activity_name is only in the funding file, the two others in Orders and TransactionHistory.
    expect(idv.status.total_columns).toBe(5);
    const files = dataParts(idv.entries);
    const headers = [...files.values()].map((file) => file.header);
    expect(headers).toEqual([
      ['program_activity_name'],
      ['current_total_value_of_award', 'contract_award_unique_key'],
      ['current_total_value_of_award', 'contract_award_unique_key'],
    ]);

    const contract = await downloadFiles(seeded.app, '/api/v2/download/contract/', {
      ...AWARD_PAGE_EXAMPLES.contract,
      columns: ['program_activity_name'],
    });
    const names = [...contract.entries.keys()];
    expect(names[1]).toMatch(/^Contract_.*_TransactionHistory\.csv$/);
    expect(names[2]).toMatch(/^Contract_.*_Sub-Awards\.csv$/);
    expect(contract.entries.get(names[1])!.length).toBe(0);
    expect(contract.status.total_columns).toBe(1);
  });

  it('accepts an award of the other category, as the reference does, and files it by the route', async () => {
    const { response, entries } = await downloadFiles(seeded.app, '/api/v2/download/contract/', {
      award_id: AWARD_PAGE_EXAMPLES.assistance.award_id,
    });
    expect(response.file_name).toMatch(new RegExp(`^CONT_UNKNOWN_${ZIP_TS}\\.zip$`));
    const files = dataParts(entries);
    expect(files.get('Contract_UNKNOWN_TransactionHistory')!.records).toHaveLength(0);
    expect(files.get('Contract_UNKNOWN_FederalAccountFunding')!.records.length).toBeGreaterThan(0);
  });
});
