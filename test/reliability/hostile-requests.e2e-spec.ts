import { rm } from 'node:fs/promises';
import request from 'supertest';
import { createSeededApp, SeededApp } from '../support/seeded-app';

/** Enough generated requests that every route sees every kind of hostile value many times. */
const REQUESTS = 1200;

type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

interface Operation {
  method: 'get' | 'head' | 'post';
  path: string;
  examples: JsonValue[];
}

interface OpenApiOperation {
  requestBody?: {
    content?: Record<
      string,
      { schema?: { example?: JsonValue }; examples?: Record<string, { value: JsonValue }> }
    >;
  };
}

/** Deterministic, so a failure can be replayed. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOSTILE_STRINGS = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udc00y',
  "'; DROP TABLE download_job; --",
  "' OR '1'='1",
  '%',
  '_',
  '\\',
  '%_\\%',
  '../../etc/passwd',
  '..%2F..%2Fpackage.json',
  '$(rm -rf /)',
  '<script>alert(1)</script>',
  '😀'.repeat(50),
  'x'.repeat(20_000),
  ' ',
  '',
  '\r\n\t',
  '0',
  '-1',
  '1e309',
  'NaN',
  'null',
  'true',
  '2020-13-45',
  '9999-12-31',
  '__proto__',
  'constructor',
];

function hostileValue(random: () => number, depth = 0): JsonValue {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  switch (Math.floor(random() * 9)) {
    case 0:
    case 1:
    case 2:
      return pick(HOSTILE_STRINGS);
    case 3:
      return pick([0, -1, 1.5, -0.0001, 2 ** 53 + 1, 1e308, -1e308, 500001, 2147483648]);
    case 4:
      return pick([true, false, null]);
    case 5:
      return depth > 3
        ? []
        : Array.from({ length: Math.floor(random() * 4) }, () => hostileValue(random, depth + 1));
    case 6:
      return depth > 3
        ? {}
        : Object.fromEntries(
            Array.from({ length: Math.floor(random() * 3) }, () => [
              pick(HOSTILE_STRINGS).slice(0, 40),
              hostileValue(random, depth + 1),
            ]),
          );
    case 7: {
      let nested: JsonValue = 'deep';
      for (let level = 0; level < 70 + Math.floor(random() * 50); level++)
        nested = random() < 0.5 ? [nested] : { a: nested };
      return nested;
    }
    default:
      return Array.from({ length: 2000 }, (_, k) => (k % 2 ? k : pick(HOSTILE_STRINGS).slice(0, 10)));
  }
}

/** A valid example with a few values replaced, removed or added: reaches deep into validation and SQL. */
function mutate(value: JsonValue, random: () => number): JsonValue {
  if (random() < 0.15) return hostileValue(random);
  if (Array.isArray(value)) {
    const items = value.map((item) => mutate(item, random));
    if (random() < 0.2) items.push(hostileValue(random));
    return items;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(() => random() > 0.1)
      .map(([key, item]): [string, JsonValue] => [
        random() < 0.03 ? `${key}\u0000` : key,
        mutate(item, random),
      ]);
    if (random() < 0.2)
      entries.push([
        HOSTILE_STRINGS[Math.floor(random() * HOSTILE_STRINGS.length)].slice(0, 30),
        hostileValue(random),
      ]);
    return Object.fromEntries(entries);
  }
  return value;
}

function fillPath(path: string, random: () => number): string {
  return path.replace(/\{[^}]+\}/g, () => {
    const value =
      random() < 0.3
        ? 'award_data_archive'
        : String(HOSTILE_STRINGS[Math.floor(random() * HOSTILE_STRINGS.length)]);
    return encodeForUrl(value.slice(0, 300)) || 'x';
  });
}

function asText(value: JsonValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Percent-encoding; a lone surrogate (no UTF-8 form) is sent as the invalid bytes a client would send. */
function encodeForUrl(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return value.replace(/[\s\S]/g, (char) => {
      try {
        return encodeURIComponent(char);
      } catch {
        return '%ED%A0%80';
      }
    });
  }
}

describe('hostile requests over every route of the OpenAPI document', () => {
  let seeded: SeededApp;
  let operations: Operation[];

  beforeAll(async () => {
    seeded = await createSeededApp({ RUN_WORKER_IN_API: 'false' });
    const document = (await request(seeded.app.getHttpServer()).get('/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, OpenApiOperation>>;
    };
    operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => {
        const content = operation.requestBody?.content?.['application/json'];
        const examples = [
          ...(content?.schema?.example === undefined ? [] : [content.schema.example]),
          ...Object.values(content?.examples ?? {}).map((example) => example.value),
        ];
        return { method: method as Operation['method'], path, examples };
      }),
    );
  });

  afterAll(async () => {
    await seeded?.app.close();
    await rm(seeded?.storageDir ?? '', { recursive: true, force: true });
  });

  it(`answers ${REQUESTS} generated hostile requests without a single 5xx, and the database is intact`, async () => {
    const tables = async () =>
      seeded.dataSource.query<{ tablename: string }[]>(
        `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
      );
    const dataCounts = async () =>
      seeded.dataSource.query<{ awards: string; transactions: string; statuses: string }[]>(
        `SELECT (SELECT count(*) FROM award_search) AS awards, (SELECT count(*) FROM transaction_search) AS transactions,
                (SELECT count(*) FROM job_status) AS statuses`,
      );
    const tablesBefore = await tables();
    const countsBefore = await dataCounts();
    expect(operations.length).toBeGreaterThanOrEqual(12);
    expect(
      operations
        .filter((operation) => operation.method === 'post')
        .every((operation) => operation.examples.length > 0),
    ).toBe(true);

    const random = prng(20_240_611);
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    const http = request(seeded.app.getHttpServer());
    for (let index = 0; index < REQUESTS; index++) {
      const operation = operations[index % operations.length];
      const path = fillPath(operation.path, random);
      let call: request.Test;
      let sent = '';
      if (operation.method === 'post') {
        const base = operation.examples[Math.floor(random() * operation.examples.length)];
        const body = random() < 0.85 ? mutate(base, random) : hostileValue(random);
        sent = JSON.stringify(body) ?? 'null';
        call = http
          .post(path)
          .set('Content-Type', 'application/json')
          .send(random() < 0.05 ? sent.slice(0, -1) : sent);
      } else {
        const query: Record<string, string | string[]> = {};
        for (let k = 0; k < 1 + Math.floor(random() * 3); k++) {
          const key =
            random() < 0.7
              ? 'file_name'
              : HOSTILE_STRINGS[Math.floor(random() * HOSTILE_STRINGS.length)].slice(0, 20);
          const value = asText(hostileValue(random)).slice(0, 2000);
          query[key] = random() < 0.2 ? [value, value] : value;
        }
        sent = JSON.stringify(query);
        call = operation.method === 'head' ? http.head(path).query(query) : http.get(path).query(query);
        // Only what HTTP itself lets a header carry (no control characters).
        const range = asText(hostileValue(random))
          .slice(0, 30)
          .replace(/[^\x20-\x7e]/g, '');
        if (random() < 0.2) call = call.set('Range', `bytes=${range}`);
      }
      const response = await call;
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      if (response.status >= 500)
        failures.push(
          `${operation.method.toUpperCase()} ${path} ${sent.slice(0, 300)} → ${response.status} ${JSON.stringify(response.body)}`,
        );
      if (response.status >= 400 && operation.method !== 'head') {
        expect(typeof (response.body as { detail?: unknown }).detail).toBe('string');
      }
    }

    expect(failures).toEqual([]);
    // The fuzz reached past validation: some requests were accepted (download jobs, counts, listings).
    expect(statuses.get(200) ?? 0).toBeGreaterThan(0);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(REQUESTS / 10);
    expect(await tables()).toEqual(tablesBefore);
    expect(await dataCounts()).toEqual(countsBefore);
  });
});
