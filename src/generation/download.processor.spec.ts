import { AppConfig } from '../config/app-config';
import { DownloadJobEntity } from '../database/entities/download-job.entity';
import { DownloadJobRepository } from '../download-jobs/download-job.repository';
import { DownloadQueue, PermanentJobError } from '../queue/download-queue';
import { DownloadGenerationService } from './download-generation.service';
import { DownloadProcessor } from './download.processor';

function setup(generate: () => Promise<unknown>, runnable = true) {
  const jobs = {
    startAttempt: jest
      .fn()
      .mockResolvedValue(runnable ? ({ id: 7, fileName: 'A.zip' } as DownloadJobEntity) : null),
    finish: jest.fn().mockResolvedValue(undefined),
    fail: jest.fn().mockResolvedValue(undefined),
    awaitRetry: jest.fn().mockResolvedValue(undefined),
  };
  const generation = { generate: jest.fn(generate) };
  const processor = new DownloadProcessor(
    new AppConfig({ LOG_LEVEL: 'silent' }),
    {} as DownloadQueue,
    jobs as unknown as DownloadJobRepository,
    generation as unknown as DownloadGenerationService,
  );
  return { processor, jobs, generation };
}

describe('DownloadProcessor', () => {
  it('records the totals of a successful attempt', async () => {
    const { processor, jobs } = setup(() => Promise.resolve({ rows: 3, columns: 2, fileSize: 100 }));
    await processor.process({ downloadJobId: 7 }, { attempt: 1, maxAttempts: 3 });
    expect(jobs.finish).toHaveBeenCalledWith(7, { rows: 3, columns: 2, fileSize: 100 });
    expect(jobs.fail).not.toHaveBeenCalled();
  });

  it('marks a transient failure with attempts left as resumed and rethrows for the retry', async () => {
    const outage = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    const { processor, jobs } = setup(() => Promise.reject(outage));
    await expect(processor.process({ downloadJobId: 7 }, { attempt: 1, maxAttempts: 3 })).rejects.toBe(
      outage,
    );
    expect(jobs.awaitRetry).toHaveBeenCalledWith(7);
    expect(jobs.fail).not.toHaveBeenCalled();
  });

  it('fails for good with a sentence on the last attempt', async () => {
    const outage = Object.assign(new Error('connect ECONNREFUSED 10.0.0.1'), { code: 'ECONNREFUSED' });
    const { processor, jobs } = setup(() => Promise.reject(outage));
    await expect(processor.process({ downloadJobId: 7 }, { attempt: 3, maxAttempts: 3 })).rejects.toBe(
      outage,
    );
    expect(jobs.fail).toHaveBeenCalledWith(
      7,
      'The download could not be generated: a backing service was unreachable.',
    );
  });

  it('does not retry a permanent failure', async () => {
    const { processor, jobs } = setup(() => Promise.reject(new PermanentJobError('Cannot do that.')));
    await expect(
      processor.process({ downloadJobId: 7 }, { attempt: 1, maxAttempts: 3 }),
    ).rejects.toBeInstanceOf(PermanentJobError);
    expect(jobs.fail).toHaveBeenCalledWith(7, 'Cannot do that.');
    expect(jobs.awaitRetry).not.toHaveBeenCalled();
  });

  it('skips a job that is no longer runnable (duplicate delivery of a finished job)', async () => {
    const { processor, generation } = setup(() => Promise.resolve({}), false);
    await processor.process({ downloadJobId: 7 }, { attempt: 1, maxAttempts: 3 });
    expect(generation.generate).not.toHaveBeenCalled();
  });
});
