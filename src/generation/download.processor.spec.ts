import { AppConfig } from '../config/app-config';
import { DownloadJobEntity } from '../database/entities/download-job.entity';
import { DownloadJobRepository } from '../download-jobs/download-job.repository';
import { DownloadQueue, PermanentJobError, RetryLaterError } from '../queue/download-queue';
import { DownloadGenerationService } from './download-generation.service';
import { DownloadProcessor } from './download.processor';

function setup(
  generate: (job: DownloadJobEntity, signal: AbortSignal) => Promise<unknown>,
  { runnable = true, attemptCount = 1 } = {},
) {
  const jobs = {
    startAttempt: jest
      .fn()
      .mockResolvedValue(runnable ? ({ id: 7, fileName: 'A.zip', attemptCount } as DownloadJobEntity) : null),
    finish: jest.fn().mockResolvedValue(undefined),
    fail: jest.fn().mockResolvedValue(undefined),
    awaitRetry: jest.fn().mockResolvedValue(undefined),
    release: jest.fn().mockResolvedValue(undefined),
  };
  const queue = { stopConsuming: jest.fn().mockResolvedValue(undefined) };
  const generation = { generate: jest.fn(generate) };
  const processor = new DownloadProcessor(
    new AppConfig({ LOG_LEVEL: 'silent', RETRY_DELAY_MS: '1000', SHUTDOWN_GRACE_MS: '50' }),
    queue as unknown as DownloadQueue,
    jobs as unknown as DownloadJobRepository,
    generation as unknown as DownloadGenerationService,
  );
  return { processor, jobs, generation, queue };
}

describe('DownloadProcessor', () => {
  it('records the totals of a successful attempt', async () => {
    const { processor, jobs } = setup(() => Promise.resolve({ rows: 3, columns: 2, fileSize: 100 }));
    await processor.process({ downloadJobId: 7 }, { delivery: 1 });
    expect(jobs.finish).toHaveBeenCalledWith(7, { rows: 3, columns: 2, fileSize: 100 }, expect.any(Date));
    expect(jobs.fail).not.toHaveBeenCalled();
  });

  it('marks a transient failure with attempts left as resumed and asks for a retry after the backoff', async () => {
    const outage = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    const { processor, jobs } = setup(() => Promise.reject(outage), { attemptCount: 2 });
    const thrown = await processor
      .process({ downloadJobId: 7 }, { delivery: 5 })
      .catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(RetryLaterError);
    expect((thrown as RetryLaterError).delayMs).toBe(2_000); // second attempt: twice the first delay
    expect(jobs.awaitRetry).toHaveBeenCalledWith(7);
    expect(jobs.fail).not.toHaveBeenCalled();
  });

  it('fails for good with a sentence once the row has used its attempts, whatever the delivery count', async () => {
    const outage = Object.assign(new Error('connect ECONNREFUSED 10.0.0.1'), { code: 'ECONNREFUSED' });
    const { processor, jobs } = setup(() => Promise.reject(outage), { attemptCount: 3 });
    await expect(processor.process({ downloadJobId: 7 }, { delivery: 1 })).rejects.toBeInstanceOf(
      PermanentJobError,
    );
    expect(jobs.fail).toHaveBeenCalledWith(
      7,
      'The download could not be generated: a backing service was unreachable.',
    );
  });

  it('does not retry a permanent failure', async () => {
    const { processor, jobs } = setup(() => Promise.reject(new PermanentJobError('Cannot do that.')));
    await expect(processor.process({ downloadJobId: 7 }, { delivery: 1 })).rejects.toBeInstanceOf(
      PermanentJobError,
    );
    expect(jobs.fail).toHaveBeenCalledWith(7, 'Cannot do that.');
    expect(jobs.awaitRetry).not.toHaveBeenCalled();
  });

  it('skips a job that is no longer runnable (duplicate delivery of a finished job)', async () => {
    const { processor, generation } = setup(() => Promise.resolve({}), { runnable: false });
    await processor.process({ downloadJobId: 7 }, { delivery: 1 });
    expect(generation.generate).not.toHaveBeenCalled();
  });

  it('logs and asks again later when the job row cannot be claimed, without counting an attempt', async () => {
    const { processor, jobs, generation } = setup(() => Promise.resolve({}));
    jobs.startAttempt.mockRejectedValue(new Error('relation "download_job" does not exist'));
    await expect(processor.process({ downloadJobId: 7 }, { delivery: 1 })).rejects.toBeInstanceOf(
      RetryLaterError,
    );
    expect(generation.generate).not.toHaveBeenCalled();
  });

  it('on shutdown hands back an attempt that outlives the grace period, uncounted, for immediate redelivery', async () => {
    const { processor, jobs, queue } = setup(
      (_job, signal) =>
        new Promise((_resolve, reject) =>
          signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true }),
        ),
    );
    const running = processor.process({ downloadJobId: 7 }, { delivery: 1 }).catch((error: unknown) => error);
    await new Promise((resolve) => setImmediate(resolve));
    await processor.drain();
    const thrown = await running;
    expect(queue.stopConsuming).toHaveBeenCalled();
    expect(thrown).toBeInstanceOf(RetryLaterError);
    expect((thrown as RetryLaterError).delayMs).toBe(0);
    expect(jobs.release).toHaveBeenCalledWith(7);
    expect(jobs.fail).not.toHaveBeenCalled();
    expect(jobs.awaitRetry).not.toHaveBeenCalled();
    // A delivery arriving after the drain started is handed straight back, untouched.
    await expect(processor.process({ downloadJobId: 8 }, { delivery: 1 })).rejects.toBeInstanceOf(
      RetryLaterError,
    );
    expect(jobs.startAttempt).toHaveBeenCalledTimes(1);
  });
});
