import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { NestExpressApplication } from '@nestjs/platform-express';
import { flushTestRedis } from '../support/redis';
import { createTestApp } from '../support/test-app';

interface Schema {
  description?: string;
  $ref?: string;
  type?: string;
  enum?: unknown[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  items?: Schema;
  oneOf?: Schema[];
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Schema }> } }>>;
  components: { schemas: Record<string, Schema> };
}

describe('the OpenAPI document describes every POST body field by field', () => {
  let app: NestExpressApplication;
  let document: OpenApiDocument;
  let storageDir: string;

  beforeAll(async () => {
    await flushTestRedis();
    storageDir = await mkdtemp(join(tmpdir(), 'downloads-'));
    ({ app } = await createTestApp({ LOCAL_STORAGE_DIR: storageDir }));
    document = (await request(app.getHttpServer()).get('/docs-json').expect(200)).body as OpenApiDocument;
  });

  afterAll(async () => {
    await app?.close();
    await rm(storageDir, { recursive: true, force: true });
  });

  /** Follows `$ref`, and the one-element `allOf` Swagger wraps a described reference in. */
  const resolve = (schema: Schema): Schema => {
    if (schema.allOf?.length === 1) return resolve(schema.allOf[0]);
    if (!schema.$ref) return schema;
    return resolve(document.components.schemas[schema.$ref.replace('#/components/schemas/', '')]);
  };
  const bodyOf = (path: string): Schema => {
    const schema = document.paths[path]?.post?.requestBody?.content['application/json']?.schema;
    if (!schema) throw new Error(`${path} documents no JSON body`);
    return resolve(schema);
  };

  const posts = () =>
    Object.entries(document.paths)
      .filter(([, operations]) => operations.post)
      .map(([path]) => path);

  it('gives every POST route a body schema whose fields all have a type', () => {
    expect(posts().length).toBeGreaterThanOrEqual(14);
    for (const path of posts()) {
      const properties = bodyOf(path).properties ?? {};
      expect([path, Object.keys(properties).length > 0]).toEqual([path, true]);
      for (const [name, field] of Object.entries(properties)) {
        const resolved = resolve(field);
        expect([path, name, Boolean(resolved.type ?? resolved.oneOf)]).toEqual([path, name, true]);
      }
    }
  });

  it('shows enums, defaults and bounds', () => {
    const award = bodyOf('/api/v2/download/awards');
    expect(award.properties!.limit).toMatchObject({
      type: 'integer',
      minimum: 1,
      maximum: 500000,
      default: 500000,
    });
    expect(award.properties!.file_format).toMatchObject({ enum: ['csv', 'tsv', 'pstxt'], default: 'csv' });
    expect(award.properties).not.toHaveProperty('download_types');
    const filters = resolve(award.properties!.filters).properties!;
    expect(filters.keywords).toMatchObject({ type: 'array', items: { type: 'string', minLength: 3 } });
    expect(filters.time_period.items).toMatchObject({
      type: 'object',
      properties: { start_date: { type: 'string', format: 'date' } },
    });
    // One filter contract serves the four routes; the count-only filter says so.
    expect(filters.recipient_id).toMatchObject({
      type: 'string',
      description: expect.stringContaining('count'),
    });

    const accounts = bodyOf('/api/v2/download/accounts');
    expect(accounts.properties!.account_level.enum).toEqual(['federal_account', 'treasury_account']);
    const accountFilters = resolve(accounts.properties!.filters);
    expect(accountFilters.required).toEqual(['fy']);
    expect(accountFilters.properties!.submission_types.items!.enum).toEqual([
      'account_balances',
      'object_class_program_activity',
      'award_financial',
    ]);
    expect(accountFilters.properties!.period).toMatchObject({ minimum: 2, maximum: 12 });

    const bulk = bodyOf('/api/v2/bulk_download/awards');
    expect(bulk.properties!.award_levels.items!.enum).toEqual(['prime_awards', 'sub_awards']);
    expect(resolve(bulk.properties!.filters).properties!.date_type.default).toBe('action_date');
    expect(bodyOf('/api/v2/download/search').properties!.spending_level.items!.enum).toEqual([
      'awards',
      'transactions',
      'subawards',
    ]);
    expect(bodyOf('/api/v2/download/contract').properties!.award_id.oneOf).toHaveLength(2);
  });
});
