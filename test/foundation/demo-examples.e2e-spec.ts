import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import {
  SEED_ACCOUNT_EXAMPLE,
  SEED_AWARD_EXAMPLE,
  SEED_BULK_EXAMPLE,
} from '../../src/download-request/seed-examples';
import { dataParts } from '../support/data-parts';
import { downloadFiles } from '../support/download-files';
import { closeSeededApp, createSeededApp, SeededApp } from '../support/seeded-app';

interface Example {
  readonly source: string;
  readonly path: string;
  readonly body: Record<string, unknown>;
}

/** Every `curl -X POST http://localhost:8000<path> ... -d '<json>'` of the README, in order. */
function readmeExamples(): Example[] {
  const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
  const curl = /curl -X POST http:\/\/localhost:8000(\S+) -H '[^']*'\s*\\?\s*-d '([^']*)'/g;
  return [...readme.matchAll(curl)].map((match) => ({
    source: 'README',
    path: match[1],
    body: JSON.parse(match[2]) as Record<string, unknown>,
  }));
}

const SEED_EXAMPLES: Example[] = [
  { source: 'seed 000', path: '/api/v2/download/accounts/', body: SEED_ACCOUNT_EXAMPLE },
  { source: 'seed 001', path: '/api/v2/bulk_download/awards/', body: SEED_BULK_EXAMPLE },
  { source: 'seed 002', path: '/api/v2/download/awards/', body: SEED_AWARD_EXAMPLE },
];

/**
 * Routes answering at once instead of queueing a file. The pre-generated file listings stay empty until the
 * commands that make those files have run, which the zero-configuration start does not do.
 */
const NOT_A_DOWNLOAD = /\/(count|list_[a-z_]+)\/?$/;
const LISTS_PREGENERATED = /\/list_(unlinked_awards|monthly)_files\/?$/;

const FORMATS: Record<string, [extension: string, delimiter: string]> = {
  csv: ['csv', ','],
  tsv: ['tsv', '\t'],
  pstxt: ['txt', '|'],
};

describe('the examples of the seeds and the README return rows on the zero-configuration demo data', () => {
  let seeded: SeededApp;

  beforeAll(async () => {
    seeded = await createSeededApp({ DOWNLOAD_CACHE_ENABLED: 'false' });
    // A COVID-19 profile another test file generated lives in that file's storage folder, not this app's:
    // forget it, so the all-DEFC example gets one of its own, as on a fresh start.
    await seeded.dataSource.query(`DELETE FROM download_job WHERE file_name LIKE 'COVID-19\\_Profile%'`);
  });

  afterAll(async () => {
    await closeSeededApp(seeded);
  });

  const examples = [...SEED_EXAMPLES, ...readmeExamples()];

  it('finds the README examples', () => {
    expect(examples.length).toBeGreaterThan(SEED_EXAMPLES.length + 10);
  });

  const downloads = examples.filter((example) => !NOT_A_DOWNLOAD.test(example.path));
  const answers = examples.filter((example) => NOT_A_DOWNLOAD.test(example.path));
  const named = (list: Example[]) =>
    list.map((example) => ({ ...example, name: `${example.source} ${example.path}` }));

  it.each(named(downloads))('$name: every data file of the zip has rows', async ({ path, body }) => {
    const { entries } = await downloadFiles(seeded.app, path, body);
    const format = typeof body.file_format === 'string' ? body.file_format : 'csv';
    const [extension, delimiter] = FORMATS[format];
    const files = [...dataParts(entries, extension, delimiter)];
    expect(files.length).toBeGreaterThan(0);
    for (const [name, file] of files) expect([name, file.records.length > 0]).toEqual([name, true]);
  });

  it.each(named(answers))('$name: answers with something to show', async ({ path, body }) => {
    const response = await request(seeded.app.getHttpServer()).post(path).send(body).expect(200);
    const answer = response.body as Record<string, unknown>;
    if (LISTS_PREGENERATED.test(path)) expect(Object.keys(answer).length).toBeGreaterThan(0);
    else expect(answer.calculated_count).toBeGreaterThan(0);
  });
});
