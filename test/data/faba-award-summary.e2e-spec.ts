import { DataSource } from 'typeorm';
import { isFabaAwardSummaryCurrent, refreshFabaAwardSummary } from '../../src/data-model/faba-award-summary';
import { seedSmallDatasetIfEmpty } from '../../tools/seed/seed-small-dataset';
import { openMigratedDataSource } from '../support/test-database';

/**
 * faba_award_summary is read only while it is current: any write to File C or to a table its aggregates read
 * makes downloads compute the values live again until the next refresh (values: faba-award-values spec).
 */
describe('faba_award_summary', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await openMigratedDataSource();
    await seedSmallDatasetIfEmpty(dataSource);
  });

  afterAll(async () => {
    await refreshFabaAwardSummary(dataSource);
    await dataSource.destroy();
  });

  it('is refreshed by the seeder, holds one row per award with File C, and is current', async () => {
    await refreshFabaAwardSummary(dataSource);
    const [{ awards }] = await dataSource.query<{ awards: string }[]>(
      'SELECT count(DISTINCT award_id) AS awards FROM financial_accounts_by_awards WHERE award_id IS NOT NULL',
    );
    const [{ rows }] = await dataSource.query<{ rows: string }[]>(
      'SELECT count(*) AS rows FROM faba_award_summary',
    );
    expect(Number(rows)).toBe(Number(awards));
    expect(Number(rows)).toBeGreaterThan(0);
    expect(await isFabaAwardSummaryCurrent(dataSource)).toBe(true);
  });

  it.each([
    ['File C', 'UPDATE financial_accounts_by_awards SET award_id = award_id WHERE false'],
    ['a lookup table', 'UPDATE object_class SET object_class_name = object_class_name WHERE false'],
    ['the submission windows', 'UPDATE dabs_submission_window_schedule SET id = id WHERE false'],
  ])('turns stale on any write to %s, even one that changes no row, until refreshed', async (_, write) => {
    await refreshFabaAwardSummary(dataSource);
    await dataSource.query(write);
    expect(await isFabaAwardSummaryCurrent(dataSource)).toBe(false);
    await refreshFabaAwardSummary(dataSource);
    expect(await isFabaAwardSummaryCurrent(dataSource)).toBe(true);
  });

  it('turns stale when another submission window is revealed', async () => {
    await refreshFabaAwardSummary(dataSource);
    // A window revealed since the refresh, simulated by moving the stored state's view of them.
    await dataSource.query(`UPDATE faba_award_summary_state SET revealed_windows = revealed_windows || ',x'`);
    expect(await isFabaAwardSummaryCurrent(dataSource)).toBe(false);
  });
});
