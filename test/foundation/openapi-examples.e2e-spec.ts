import request from 'supertest';
import { dataParts } from '../support/data-parts';
import { downloadFiles } from '../support/download-files';
import { closeSeededApp, createSeededApp, SeededApp } from '../support/seeded-app';

interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      { requestBody?: { content: Record<string, { examples?: Record<string, { value: object }> }> } }
    >
  >;
}

/** The routes whose Swagger example a newcomer runs first: every data file must have rows on the demo data. */
const DOWNLOAD_ROUTES = [
  '/api/v2/download/awards',
  '/api/v2/download/transactions',
  '/api/v2/download/accounts',
  '/api/v2/bulk_download/awards',
  '/api/v2/download/search',
  '/api/v2/download/idv',
  '/api/v2/download/contract',
  '/api/v2/download/assistance',
  '/api/v2/download/disaster',
  '/api/v2/download/disaster/recipients',
];

describe('Swagger examples run on the zero-configuration demo data', () => {
  let seeded: SeededApp;
  let document: OpenApiDocument;

  beforeAll(async () => {
    seeded = await createSeededApp({ DOWNLOAD_CACHE_ENABLED: 'false' });
    document = (await request(seeded.app.getHttpServer()).get('/docs-json').expect(200))
      .body as OpenApiDocument;
  });

  afterAll(async () => {
    await closeSeededApp(seeded);
  });

  const exampleOf = (path: string): object => {
    const examples = document.paths[path]?.post?.requestBody?.content['application/json']?.examples ?? {};
    const example = Object.values(examples)[0]?.value;
    if (!example) throw new Error(`${path} has no documented example`);
    return example;
  };

  it.each(DOWNLOAD_ROUTES)('%s: the example downloads rows into every data file', async (path) => {
    const { entries } = await downloadFiles(seeded.app, path, exampleOf(path));
    const files = [...dataParts(entries, 'csv').values()];
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(file.records.length).toBeGreaterThan(0);
  });

  it('documents the listings: POST list_unlinked_awards_files with an example, GET list_database_download_files', async () => {
    const example = exampleOf('/api/v2/bulk_download/list_unlinked_awards_files');
    await request(seeded.app.getHttpServer())
      .post('/api/v2/bulk_download/list_unlinked_awards_files')
      .send(example)
      .expect(200);
    expect(document.paths['/api/v2/bulk_download/list_database_download_files']?.get).toBeDefined();
    expect(document.paths['/api/v2/bulk_download/list_database_download_files']?.post).toBeUndefined();
  });
});
