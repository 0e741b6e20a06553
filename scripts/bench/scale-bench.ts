/**
 * npm run bench:scale -- [--transactions N] [--database-url URL]
 *
 * Seeds (or reuses) a database of N transactions (default 10,000,000; database
 * usaspending_scale_<N> unless --database-url or BENCH_DATABASE_URL says otherwise), then for a fixed
 * list of realistic count requests (scripts/bench/realistic-requests.ts) prints the count query's latency
 * (its first run, often reading pages from disk, then p50/p95 of 5 more runs; run directly on PostgreSQL: the
 * service's count cache is not involved), the plan's
 * top node and how it reads the search tables; then times a row-limited 500,000-row transactions
 * download's COPY (the SQL the worker streams): time to first byte and total.
 */
import { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { countSql } from '../../src/awards-download/award-count.repository';
import { planCount } from '../../src/awards-download/awards-download.service';
import { planAwardDownload } from './award-download-plan';
import { ensureTransactions, percentile } from './bench-data';
import { realisticCountRequests } from './realistic-requests';

const RUNS = 5;
const COUNT_TARGET_MS = 300;
const PERMALINK_HOST = 'www.usaspending.gov';
const SEARCH_TABLES = ['transaction_search', 'award_search', 'subaward_search'];
/** Nodes that only sum or gather what the node below them reads. */
const WRAPPERS = ['Result', 'Aggregate', 'Finalize Aggregate', 'Partial Aggregate', 'Gather'];

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function argument(flag: string): string | undefined {
  const index = process.argv.indexOf(flag);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

/**
 * The plan's top node below the sum of the two files' counts, how it reads the search tables and the
 * indexes it uses: "Aggregate | Index Only Scan transaction_search | type_idx".
 */
function describePlan(plan: PlanNode): string {
  const reads = new Set<string>();
  const indexes = new Set<string>();
  const visit = (node: PlanNode): void => {
    const table = node['Relation Name'];
    if (table && SEARCH_TABLES.includes(table)) reads.add(`${node['Node Type']} ${table}`);
    if (node['Index Name'])
      indexes.add(node['Index Name'].replace(/^(transaction|award|subaward)_search_/, ''));
    for (const child of node.Plans ?? []) visit(child);
  };
  visit(plan);
  let top = plan;
  while (WRAPPERS.includes(top['Node Type']) && top.Plans?.length) top = top.Plans[0];
  return `${top['Node Type']} | ${[...reads].join('; ') || '-'} | ${[...indexes].join(', ') || '-'}`;
}

/** The first run's time, then RUNS more. */
async function timeCount(client: Client, sql: string): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run <= RUNS; run++) {
    const started = process.hrtime.bigint();
    await client.query(sql);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return times;
}

async function timeDownload(
  client: Client,
  databaseUrl: string,
): Promise<{ firstByteMs: number; totalMs: number; bytes: number }> {
  const body = {
    filters: { time_period: [{ start_date: '2007-10-01', end_date: '2027-09-30' }] },
    limit: 500_000,
  };
  const plan = await planAwardDownload(client, databaseUrl, body, 'transactions');
  const started = process.hrtime.bigint();
  const elapsed = () => Number(process.hrtime.bigint() - started) / 1e6;
  let firstByteMs = NaN;
  let bytes = 0;
  for (const source of plan.sources) {
    if (!source.sql) continue;
    const stream = client.query(copyTo(`COPY (${source.sql}) TO STDOUT WITH (FORMAT csv, HEADER)`));
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (Number.isNaN(firstByteMs)) firstByteMs = elapsed();
      bytes += chunk.length;
    }
  }
  return { firstByteMs, totalMs: elapsed(), bytes };
}

async function main(): Promise<void> {
  const transactions = Number(argument('--transactions') ?? 10_000_000);
  if (!Number.isInteger(transactions) || transactions < 1000)
    throw new Error('--transactions expects an integer ≥ 1000');
  const databaseUrl =
    argument('--database-url') ??
    process.env.BENCH_DATABASE_URL ??
    `postgres://postgres@127.0.0.1:5432/usaspending_scale_${transactions}`;
  const { transactions: found } = await ensureTransactions(databaseUrl, transactions);
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // As the service's count does (AwardCountRepository).
    await client.query('SET jit = off');
    const requests = await realisticCountRequests(client);
    console.log(
      `\ncount latency on ${found.toLocaleString()} transactions (ms: the first run, then p50/p95 of ${RUNS} more)\n`,
    );
    const rows: Record<string, unknown>[] = [];
    let over = 0;
    let firstOver = 0;
    for (const request of requests) {
      const { keys, options } = planCount(request.body, PERMALINK_HOST);
      const sql = countSql(keys, options);
      const explained = await client.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
        `EXPLAIN (FORMAT JSON) ${sql}`,
      );
      const [first, ...times] = await timeCount(client, sql);
      const total = Number((await client.query<{ total: string }>(sql)).rows[0].total);
      const p95 = percentile(times, 0.95);
      if (p95 > COUNT_TARGET_MS) over++;
      if (first > COUNT_TARGET_MS) firstOver++;
      rows.push({
        request: request.label,
        selective: request.selective ? 'yes' : 'no',
        rows: total,
        first: Math.round(first),
        p50: Math.round(percentile(times, 0.5)),
        p95: Math.round(p95),
        plan: describePlan(explained.rows[0]['QUERY PLAN'][0].Plan),
      });
    }
    for (const row of rows)
      console.log(
        `${String(row.request).padEnd(52)} ${String(row.selective).padEnd(4)} ${String(row.rows).padStart(9)}` +
          `  first ${String(row.first).padStart(6)}  p50 ${String(row.p50).padStart(6)}  p95 ${String(row.p95).padStart(6)}` +
          `  ${String(row.plan)}`,
      );
    console.log(
      `\n${over} of ${rows.length} counts over the ${COUNT_TARGET_MS} ms p95 target; ` +
        `${firstOver} over it by their first run`,
    );
    const download = await timeDownload(client, databaseUrl);
    console.log(
      `row-limited transactions download (limit 500,000 per file, all columns), COPY of its SQL: ` +
        `first byte ${(download.firstByteMs / 1000).toFixed(2)} s, total ${(download.totalMs / 1000).toFixed(1)} s, ` +
        `${(download.bytes / 1e6).toFixed(0)} MB CSV`,
    );
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
