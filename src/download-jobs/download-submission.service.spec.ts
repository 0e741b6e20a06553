import { AppConfig } from '../config/app-config';
import { DownloadJobEntity } from '../database/entities/download-job.entity';
import { JobStatus } from '../database/entities/job-status.entity';
import { DataLoadDateRepository } from '../data-model/repositories/data-load-date.repository';
import { DownloadTimestampClock } from '../download-request/file-names/download-timestamp.util';
import { DownloadLaneEstimator } from '../generation/download-lane.estimator';
import { DownloadQueue } from '../queue/download-queue';
import { DownloadStatusService } from '../status/download-status.service';
import { StorageDriver } from '../storage/storage.driver';
import { DownloadJobRepository } from './download-job.repository';
import { DownloadSubmissionService } from './download-submission.service';

function setup(
  enqueue: () => Promise<void>,
  loadDate: Date | null = null,
  cached: Partial<DownloadJobEntity> | null = null,
) {
  const saved: DownloadJobEntity[] = [];
  const jobs = {
    create: jest.fn((job: Partial<DownloadJobEntity>) => {
      if (saved.some((other) => other.fileName === job.fileName)) {
        // What TypeORM throws for the unique index on file_name.
        return Promise.reject(
          Object.assign(new Error('duplicate key'), {
            driverError: { code: '23505', constraint: 'download_job_file_name_key' },
          }),
        );
      }
      const entity = {
        ...job,
        id: saved.length + 1,
        statusId: JobStatus.Ready,
        createDate: new Date(),
        updateDate: new Date(),
        fileSize: null,
        numberOfRows: null,
        numberOfColumns: null,
        errorMessage: null,
      } as DownloadJobEntity;
      saved.push(entity);
      return Promise.resolve(entity);
    }),
    findByFileName: jest.fn((name: string) =>
      Promise.resolve(saved.find((job) => job.fileName === name) ?? (cached as DownloadJobEntity)),
    ),
    findReusable: jest.fn(() => Promise.resolve(cached)),
  };
  const storage = { publicUrl: (name: string) => `http://files/${name}` } as StorageDriver;
  const service = new DownloadSubmissionService(
    new AppConfig({}),
    jobs as unknown as DownloadJobRepository,
    { enqueue: jest.fn(enqueue), isConnected: () => true } as unknown as DownloadQueue,
    { latestLoadDate: () => Promise.resolve(loadDate) } as DataLoadDateRepository,
    new DownloadStatusService(jobs as unknown as DownloadJobRepository, storage),
    new DownloadTimestampClock({
      nowMillis: () => Date.UTC(2024, 0, 2, 3, 4, 5, 6),
      monotonicNanos: () => 0n,
    }),
    { laneOf: () => Promise.resolve('regular') } as unknown as DownloadLaneEstimator,
  );
  return { service, jobs, saved };
}

const submission = {
  requestType: 'award',
  canonicalRequest: { b: 1, a: [2] },
  fileName: (timestamp: string) => `A_${timestamp}.zip`,
};
const FIRST_NAME = 'A_2024-01-02_H03M04S05006000.zip';

describe('DownloadSubmissionService', () => {
  it('saves the canonical request and answers with the status fields', async () => {
    const { service, saved } = setup(() => Promise.resolve());
    const response = await service.submit(submission);
    expect(saved[0]).toMatchObject({
      fileName: FIRST_NAME,
      requestType: 'award',
      jsonRequest: '{"b": 1, "a": [2]}',
    });
    expect(response).toMatchObject({
      status_url: `http://localhost:8000/api/v2/download/status?file_name=${FIRST_NAME}`,
      file_name: FIRST_NAME,
      file_url: `http://files/${FIRST_NAME}`,
      status: 'ready',
      url: `http://files/${FIRST_NAME}`,
    });
  });

  it('still answers when the queue is down: the job is saved and the recovery sweep will queue it', async () => {
    const { service, saved } = setup(() => Promise.reject(new Error('ECONNREFUSED')));
    const response = await service.submit(submission);
    expect(response.file_name).toBe(FIRST_NAME);
    expect(saved).toHaveLength(1);
  });

  it('takes the next timestamp when the name is taken already (another API process, same microsecond)', async () => {
    const { service, saved } = setup(() => Promise.resolve());
    saved.push({ fileName: FIRST_NAME } as DownloadJobEntity); // the other process's job
    const response = await service.submit(submission);
    expect(response.file_name).toBe('A_2024-01-02_H03M04S05006001.zip');
  });

  it('gives every request its own name from the one clock, however fast they come', async () => {
    const { service } = setup(() => Promise.resolve());
    const names = await Promise.all(
      Array.from({ length: 50 }, () => service.submit(submission).then((r) => r.file_name)),
    );
    expect(new Set(names).size).toBe(50);
  });

  it('reuses a job for the identical request only after a data load date exists', async () => {
    const cached = {
      id: 9,
      fileName: 'Old.zip',
      jsonRequest: '{"b": 1, "a": [2]}',
      statusId: JobStatus.Finished,
      createDate: new Date(),
      updateDate: new Date(),
      fileSize: '2000',
      numberOfRows: '3',
      numberOfColumns: 2,
      errorMessage: null,
    };
    const withoutLoadDate = setup(() => Promise.resolve(), null, cached);
    expect((await withoutLoadDate.service.submit(submission)).file_name).toBe(FIRST_NAME);
    const withLoadDate = setup(() => Promise.resolve(), new Date(0), cached);
    const reused = await withLoadDate.service.submit(submission);
    expect(reused).toMatchObject({ file_name: 'Old.zip', status: 'finished', total_size: 2 });
    expect(withLoadDate.saved).toHaveLength(0);
  });
});
