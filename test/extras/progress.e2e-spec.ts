import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type { App } from 'supertest/types';
import { DataSource } from 'typeorm';
import { RowEstimateRepository } from '../../src/progress/row-estimate.repository';
import { queueProbeJob, StatusBody, waitForJob } from '../support/jobs';
import { flushTestRedis } from '../support/redis';
import { createTestApp } from '../support/test-app';
import { openMigratedDataSource } from '../support/test-database';

type Running = StatusBody & {
  rows_expected?: number | null;
  files_done?: number;
  files_total?: number | null;
  percent_complete?: number;
  seconds_remaining?: number | null;
};

/** Progress with an estimate, while a real download runs through Bull. */
describe('progress of a running download', () => {
  let dataSource: DataSource;
  let app: NestExpressApplication;
  const status = async (fileName: string): Promise<Running> =>
    (
      await request(app.getHttpServer() as App)
        .get('/api/v2/download/status')
        .query({ file_name: fileName })
        .expect(200)
    ).body as Running;

  beforeAll(async () => {
    await flushTestRedis();
    dataSource = await openMigratedDataSource();
    ({ app } = await createTestApp());
  });

  afterAll(async () => {
    await app?.close();
    await dataSource?.destroy();
  });

  it('counts rows when the query is cheap, else takes the planner estimate, else knows nothing', async () => {
    const estimates = app.get(RowEstimateRepository);
    // The planner guesses a third of the rows for the modulo filter; the count knows.
    await expect(
      estimates.estimate('SELECT g FROM generate_series(1, 3000) AS g WHERE g % 7 = 0'),
    ).resolves.toEqual({ rows: 428, exact: true });
    const big = await estimates.estimate(
      'SELECT a.g, b.g FROM generate_series(1, 100000) AS a(g), generate_series(1, 100000) AS b(g)',
    );
    expect(big).toEqual({ rows: 10_000_000_000, exact: false });
    await expect(estimates.estimate('SELECT no_such_column FROM pg_class')).resolves.toBeNull();
  });

  it('reports rows expected, files, a growing percentage and the seconds left, then drops them', async () => {
    const fileName = await queueProbeJob(app, {
      file_format: 'csv',
      sql: 'SELECT g AS n, pg_sleep(0.004) AS pause FROM generate_series(1, 1500) AS g',
      with_empty_file: true,
    });
    const seen: Running[] = [];
    let raised = false;
    for (;;) {
      const body = await status(fileName);
      if (body.status === 'finished' || body.status === 'failed') break;
      if (body.status === 'running') seen.push(body);
      // As a previous attempt that got further would have left it: the percentage must not go back.
      if (!raised && seen.some((snapshot) => snapshot.seconds_remaining)) {
        await dataSource.query(
          `UPDATE download_job SET progress_percent = 95 WHERE file_name = $1 AND job_status_id = 2`,
          [fileName],
        );
        raised = true;
      }
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    expect(seen.length).toBeGreaterThan(5);
    expect(seen.every((snapshot) => 'rows_expected' in snapshot && 'seconds_remaining' in snapshot)).toBe(
      true,
    );
    const known = seen.filter((snapshot) => snapshot.rows_expected !== null);
    expect(known.length).toBeGreaterThan(0);
    // pg_sleep makes the count too slow for its 2 s budget: the planner's estimate (exact for generate_series).
    expect(known.every((snapshot) => snapshot.rows_expected === 1500)).toBe(true);
    expect(known.at(-1)!.files_total).toBe(2);
    const percents = seen.map((snapshot) => snapshot.percent_complete!);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(Math.max(...percents)).toBeLessThanOrEqual(99);
    expect(raised).toBe(true);
    const afterRaise = seen.slice(seen.findIndex((snapshot) => snapshot.percent_complete! >= 95));
    expect(afterRaise.length).toBeGreaterThan(0);
    const remaining = seen.flatMap((snapshot) =>
      snapshot.seconds_remaining ? [snapshot.seconds_remaining] : [],
    );
    expect(remaining[0]).toBeGreaterThan(0);
    expect(remaining[0]).toBeLessThan(60);

    const finished = (await waitForJob(app, fileName)) as Running;
    expect(finished.status).toBe('finished');
    expect(finished.total_rows).toBe(1500);
    for (const key of ['rows_expected', 'files_done', 'files_total', 'percent_complete', 'seconds_remaining'])
      expect(finished).not.toHaveProperty(key);
  });
});
