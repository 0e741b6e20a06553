import { apiErrorOf } from '../../test/download-request/api-error-of';
import { DownloadJobEntity } from '../database/entities/download-job.entity';
import { DownloadResponseDto } from '../download-jobs/download-response.dto';
import { DownloadSubmission, DownloadSubmissionService } from '../download-jobs/download-submission.service';
import { DownloadTimestampClock } from '../download-request/file-names/download-timestamp.util';
import { NO_REVEALED_PERIOD_MESSAGE } from './request/disaster-request.util';
import { DisasterDownloadService } from './disaster-download.service';
import { DisasterLookupRepository } from './disaster-lookup.repository';

const COVID = ['L', 'M', 'N', 'O', 'P', 'U', 'V'];

/** A lookup and a submission service that record what the service asks of them. */
function service(latest: { fiscalYear: number; period: number } | null, profile: DownloadJobEntity | null) {
  const submitted: DownloadSubmission[] = [];
  const clock = new DownloadTimestampClock(); // as the submission service's own
  const described: DownloadJobEntity[] = [];
  const lookups = {
    defCodes: () => Promise.resolve({ all: ['A', ...COVID, 'Q'], covid: COVID }),
    latestMonthlyPeriod: () => Promise.resolve(latest),
    findProfile: () => Promise.resolve(profile),
  } as unknown as DisasterLookupRepository;
  const submissions = {
    submit: (submission: DownloadSubmission) => {
      submitted.push(submission);
      return Promise.resolve({
        file_name: submission.fileName(clock.next()),
      } as DownloadResponseDto);
    },
    describeExisting: (job: DownloadJobEntity) => {
      described.push(job);
      return { file_name: job.fileName } as DownloadResponseDto;
    },
  } as unknown as DownloadSubmissionService;
  return { downloads: new DisasterDownloadService(lookups, submissions), submitted, described };
}

async function errorOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return apiErrorOf(() => {
      throw error;
    });
  }
  throw new Error('expected an error');
}

describe('DisasterDownloadService', () => {
  it('answers 503 with a sentence when no monthly period is revealed, on both branches', async () => {
    const { downloads } = service(null, null);
    for (const body of [{}, { filters: { def_codes: ['L'] } }]) {
      expect(await errorOf(downloads.download(body))).toEqual({
        status: 503,
        detail: NO_REVEALED_PERIOD_MESSAGE,
      });
    }
  });

  it('hands out the existing profile without a new job', async () => {
    const job = { fileName: 'COVID-19_Profile_2021-09-20_H20M11S49647843.zip' } as DownloadJobEntity;
    const { downloads, submitted, described } = service({ fiscalYear: 2022, period: 8 }, job);
    expect((await downloads.download({ filters: {} })).file_name).toBe(job.fileName);
    expect(described).toEqual([job]);
    expect(submitted).toEqual([]);
  });

  it('submits a profile job when there is none, and a disaster job for one DEFC', async () => {
    const { downloads, submitted } = service({ fiscalYear: 2022, period: 8 }, null);
    const profile = await downloads.download({});
    const single = await downloads.download({ filters: { def_codes: ['N'] } });
    expect(submitted.map((submission) => submission.requestType)).toEqual(['covid_profile', 'disaster']);
    expect(profile.file_name).toMatch(/^COVID-19_Profile_\d{4}-\d{2}-\d{2}_H\d{2}M\d{2}S\d{8}\.zip$/);
    expect(single.file_name).not.toBe(profile.file_name);
    expect(submitted[0].canonicalRequest).toEqual({
      filters: {
        def_codes: COVID,
        latest_fiscal_period: '08',
        latest_fiscal_year: '2022',
        start_date: '2020-04-01',
      },
    });
  });
});
