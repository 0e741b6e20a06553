/**
 * Prints the plans of the queries the award-page, disaster and unlinked-award routes run, built by the same
 * code the planners use, on a seeded database (EXPLAIN ANALYZE: they run, nothing is written):
 *
 *   EXPLAIN_DATABASE_URL=postgres://postgres@127.0.0.1:5432/usaspending_big \
 *     npx ts-node --transpile-only scripts/bench/explain-new-routes.ts
 *
 * For each query: execution time, the indexes the plan uses and any sequential scan of a table that grows
 * with the data (a scan of a small lookup table is fine). Sample ids are picked from the data itself.
 */
import { Client } from 'pg';
import { AWARD_PAGE_FILES } from '../../src/award-page-download/award-page-files.util';
import { catalogFor } from '../../src/catalog/catalog-lookup.util';
import { buildSelectSql } from '../../src/catalog/select-sql.util';
import { SourceKey } from '../../src/catalog/catalog.types';
import { generatedDisasterFiles } from '../../src/disaster-download/disaster-files.util';
import {
  unlinkedAccountsSql,
  unlinkedContractsSql,
  unlinkedSummarySql,
} from '../../src/bulk-download/unlinked/unlinked-awards-sql.util';

const LARGE_TABLES = [
  'award_search',
  'transaction_search',
  'subaward_search',
  'financial_accounts_by_awards',
  'financial_accounts_by_program_activity_object_class',
  'appropriation_account_balances',
  'gtas_sf133_balances',
  'parent_award',
  'download_job',
];

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function walk(node: PlanNode, visit: (node: PlanNode) => void): void {
  visit(node);
  for (const child of node.Plans ?? []) walk(child, visit);
}

async function explain(client: Client, label: string, sql: string): Promise<void> {
  const result = await client.query<{ 'QUERY PLAN': [{ Plan: PlanNode; 'Execution Time': number }] }>(
    `EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`,
  );
  const [{ Plan, 'Execution Time': time }] = result.rows[0]['QUERY PLAN'];
  const indexes = new Set<string>();
  const scans = new Set<string>();
  walk(Plan, (node) => {
    if (node['Index Name']) indexes.add(node['Index Name']);
    if (node['Node Type'] === 'Seq Scan' && LARGE_TABLES.includes(node['Relation Name'] ?? ''))
      scans.add(node['Relation Name']!);
  });
  console.log(
    `${label.padEnd(48)} ${time.toFixed(1).padStart(9)} ms  indexes: ${[...indexes].sort().join(', ') || '-'}` +
      (scans.size ? `  SEQ SCAN: ${[...scans].join(', ')}` : ''),
  );
}

async function one<T>(client: Client, sql: string): Promise<T> {
  const rows = (await client.query<T & object>(sql)).rows;
  if (!rows[0]) throw new Error(`No sample for: ${sql}`);
  return rows[0];
}

async function main(): Promise<void> {
  const url = process.env.EXPLAIN_DATABASE_URL;
  if (!url) throw new Error('Set EXPLAIN_DATABASE_URL');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const counts = await one<Record<string, string>>(
      client,
      `SELECT (SELECT count(*) FROM award_search) AS awards, (SELECT count(*) FROM transaction_search) AS transactions,
              (SELECT count(*) FROM financial_accounts_by_awards) AS file_c, (SELECT count(*) FROM parent_award) AS idvs`,
    );
    console.log(`data: ${JSON.stringify(counts)}`);
    // The IDV with the largest hierarchy, a contract and a grant with File C rows and subawards.
    const idv = await one<{ award_id: string; generated_unique_award_id: string }>(
      client,
      `SELECT p.award_id, a.generated_unique_award_id FROM parent_award p JOIN award_search a ON a.award_id = p.award_id
       WHERE p.parent_award_id IS NULL ORDER BY p.rollup_contract_count DESC LIMIT 1`,
    );
    const award = (isFpds: boolean) =>
      one<{ award_id: string }>(
        client,
        `SELECT s.award_id FROM subaward_search s JOIN award_search a ON a.award_id = s.award_id
         WHERE a.is_fpds = ${isFpds} AND EXISTS (SELECT 1 FROM financial_accounts_by_awards f WHERE f.award_id = a.award_id)
         LIMIT 1`,
      );
    const contract = await award(true);
    const grant = await award(false);

    await explain(
      client,
      'lookup by generated id',
      `SELECT award_id FROM award_search WHERE generated_unique_award_id = '${idv.generated_unique_award_id}'`,
    );
    const host = 'www.usaspending.gov';
    for (const [kind, id] of [
      ['idv', idv.award_id],
      ['contract', contract.award_id],
      ['assistance', grant.award_id],
    ] as const) {
      for (const file of AWARD_PAGE_FILES[kind]) {
        const sql = buildSelectSql(file.catalogKey, {
          permalinkHost: host,
          where: file.where(Number(id)),
          limit: 500000,
        });
        await explain(client, `${kind}: ${file.label}`, sql);
      }
    }

    const latest = await one<{ fy: number; period: number }>(
      client,
      `SELECT submission_fiscal_year AS fy, submission_fiscal_month AS period FROM dabs_submission_window_schedule
       WHERE NOT is_quarter AND submission_reveal_date <= now() ORDER BY 1 DESC, 2 DESC LIMIT 1`,
    );
    for (const file of generatedDisasterFiles('N', { fiscalYear: latest.fy, period: latest.period })) {
      const sql = buildSelectSql(file.catalogKey, {
        permalinkHost: host,
        defCodes: file.defCodes,
        where: file.where,
      });
      await explain(client, `disaster N: ${file.label.replace(/^FY\d+P\d+-Present_/, '')}`, sql);
    }
    const recipientKey: SourceKey = 'disaster_recipient.recipient';
    await explain(
      client,
      'disaster recipients (L, M, N)',
      buildSelectSql(recipientKey, {
        permalinkHost: host,
        defCodes: ['L', 'M', 'N'],
        columns: catalogFor(recipientKey).headers,
      }),
    );
    await explain(client, 'unlinked 020: contracts', unlinkedContractsSql('020'));
    await explain(client, 'unlinked 020: File C rows', unlinkedAccountsSql('020'));
    await explain(client, 'unlinked 020: summary', unlinkedSummarySql('020'));
    await explain(
      client,
      'newest COVID-19 profile job',
      `SELECT download_job_id FROM download_job WHERE file_name LIKE 'COVID-19\\_Profile%'
       AND strpos(json_request, '"def_codes": ["L"') > 0 AND error_message IS NULL ORDER BY update_date DESC LIMIT 1`,
    );
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
