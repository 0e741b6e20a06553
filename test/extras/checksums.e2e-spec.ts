import { DynamicModule, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import { AppConfig } from '../../src/config/app-config';
import { CovidProfileCommandModule } from '../../src/disaster-download/profile/covid-profile-command.module';
import { CovidProfileGeneratorService } from '../../src/disaster-download/profile/covid-profile-generator.service';
import { UnlinkedAwardsArchiveService } from '../../src/bulk-download/unlinked/unlinked-awards-archive.service';
import { UnlinkedAwardsCommandModule } from '../../src/bulk-download/unlinked/unlinked-awards-command.module';
import { commandModule } from '../../src/pregenerated/command-runner.util';
import { SEED_AWARD_EXAMPLE } from '../../src/download-request/seed-examples';
import { StatusBody, waitForJob } from '../support/jobs';
import { closeSeededApp, createSeededApp, SeededApp } from '../support/seeded-app';
import { TEST_DATABASE_URL } from '../support/test-database';
import { readZip } from '../support/zip-reader';
import { fetchVerified, sha256Hex } from './extras-helpers';

type Finished = StatusBody & { file_sha256?: string };

/** SHA-256 of every kind of file, end to end: recorded while streaming, reported, sent, matching the bytes. */
describe('checksums of downloads (local storage, through Bull)', () => {
  let seeded: SeededApp;
  const contexts: INestApplicationContext[] = [];
  const http = () => request(seeded.app.getHttpServer());
  const command = async (feature: DynamicModule): Promise<INestApplicationContext> => {
    const config = new AppConfig({
      DATABASE_URL: TEST_DATABASE_URL,
      LOG_LEVEL: 'silent',
      LOCAL_STORAGE_DIR: seeded.storageDir,
    });
    const context = await NestFactory.createApplicationContext(
      commandModule(config, TEST_DATABASE_URL, feature),
      { logger: false },
    );
    contexts.push(context);
    return context;
  };
  const status = async (fileName: string): Promise<Finished> =>
    (await http().get('/api/v2/download/status').query({ file_name: fileName }).expect(200)).body as Finished;

  beforeAll(async () => {
    seeded = await createSeededApp({ DOWNLOAD_CACHE_ENABLED: 'false' });
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await closeSeededApp(seeded);
  });

  it('reports the SHA-256 of a requested download once finished, and the file route sends it', async () => {
    const posted = await http().post('/api/v2/download/awards/').send(SEED_AWARD_EXAMPLE).expect(200);
    const answer = posted.body as { file_name: string; status: string };
    expect(answer).not.toHaveProperty('file_sha256');
    const finished = (await waitForJob(seeded.app, answer.file_name, 120_000)) as Finished;
    expect(finished.status).toBe('finished');
    expect(finished.file_sha256).toMatch(/^[0-9a-f]{64}$/);
    const bytes = await fetchVerified(seeded.app, finished.file_url, finished.file_sha256!);
    expect((await readZip(bytes)).size).toBe(4);
    const path = new URL(finished.file_url).pathname;

    // A range of the file carries the digest of the whole representation (RFC 9530) and the same ETag.
    const part = await http().get(path).set('Range', 'bytes=0-9').responseType('blob').expect(206);
    expect(part.headers['repr-digest']).toBe(
      `sha-256=:${Buffer.from(finished.file_sha256!, 'hex').toString('base64')}:`,
    );
    expect(part.headers.etag).toBe(`"${finished.file_sha256}"`);

    // The strong ETag revalidates: unchanged bytes answer 304 without a body.
    await http().get(path).set('If-None-Match', `"${finished.file_sha256}"`).expect(304);
    await http()
      .get(path)
      .set('If-None-Match', `"${'0'.repeat(64)}"`)
      .expect(200);
    const head = await http().head(path).expect(200);
    expect(head.headers.etag).toBe(`"${finished.file_sha256}"`);
  });

  it('records the digest of pre-generated files: the COVID-19 profile and an unlinked-awards archive', async () => {
    const profile = await (
      await command(CovidProfileCommandModule.forRoot())
    )
      .get(CovidProfileGeneratorService)
      .generate();
    const profileStatus = await status(profile.fileName);
    expect(profileStatus.file_sha256).toMatch(/^[0-9a-f]{64}$/);
    // Pre-generated files do not expire: each run of their command replaces them.
    expect(profileStatus).not.toHaveProperty('expires_at');
    await fetchVerified(seeded.app, profileStatus.file_url, profileStatus.file_sha256!);

    const archives = (await command(UnlinkedAwardsCommandModule.forRoot())).get(UnlinkedAwardsArchiveService);
    const run = await archives.run(['020']);
    expect(run.failed).toEqual([]);
    const [objectName] = run.produced;
    const [row] = await seeded.dataSource.query<{ file_sha256: string }[]>(
      'SELECT file_sha256 FROM download_job WHERE file_name = $1',
      [objectName],
    );
    const served = await http().get(`/csv_downloads/${objectName}`).responseType('blob').expect(200);
    expect(sha256Hex(served.body as Buffer)).toBe(row.file_sha256);
    expect(served.headers.etag).toBe(`"${row.file_sha256}"`);
  });

  it('sends no digest for a failed job', async () => {
    const [{ file_name }] = await seeded.dataSource.query<{ file_name: string }[]>(
      `INSERT INTO download_job (job_status_id, file_name, json_request, request_type, request_hash, error_message)
       VALUES (4, 'Checksum_Failed_' || md5(random()::text) || '.zip', '{}', 'nothing', 'x', 'boom')
       RETURNING file_name`,
    );
    expect(await status(file_name)).not.toHaveProperty('file_sha256');
  });
});
