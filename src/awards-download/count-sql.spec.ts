import { countSql } from './award-count.repository';

describe('countSql', () => {
  const options = (where: string[]) => ({ where, permalinkHost: 'www.usaspending.gov' });

  it('counts the base table alone when no condition reads a joined table', () => {
    const sql = countSql(['transaction.d1'], options(["transaction_search.type IN ('A')"]));
    expect(sql).toBe(
      "SELECT (SELECT count(*) FROM transaction_search AS transaction_search WHERE (transaction_search.is_fpds = true) AND (transaction_search.type IN ('A'))) AS total",
    );
  });

  it('counts the contract and the assistance file of one table in one scan', () => {
    const sql = countSql(['transaction.d1', 'transaction.d2'], options(["transaction_search.type IN ('A')"]));
    expect(sql).toBe(
      'SELECT (SELECT count(*) FILTER (WHERE transaction_search.is_fpds = true) + ' +
        'count(*) FILTER (WHERE transaction_search.is_fpds = false) ' +
        "FROM transaction_search AS transaction_search WHERE (transaction_search.type IN ('A'))) AS total",
    );
  });

  it("keeps the file's joins when a condition reads a joined table", () => {
    const sql = countSql(['transaction.d2'], options(["award_search.date_signed >= '2020-01-01'"]));
    expect(sql).toContain('LEFT JOIN award_search AS award_search');
    expect(sql).toContain('AS file_rows');
  });

  it('keeps the joins of subaward files, whose row condition reads the prime award', () => {
    const sql = countSql(['sub_award.d1'], options([]));
    expect(sql).toContain('LEFT JOIN transaction_search AS latest_transaction');
  });
});
