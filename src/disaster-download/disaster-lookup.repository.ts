import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { DownloadJobEntity } from '../database/entities/download-job.entity';
import { JobStatus } from '../database/entities/job-status.entity';
import { compareCodePoints } from '../download-request/canonical/python-compare.util';
import { DefCodeLists, LatestMonthlyPeriod } from './request/disaster-request.types';

/** What the disaster routes read before a job exists. Bound parameters only. */
@Injectable()
export class DisasterLookupRepository {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(DownloadJobEntity) private readonly jobs: Repository<DownloadJobEntity>,
  ) {}

  /** Every DEF code and the COVID-19 group's, each sorted as the validator's messages list them. */
  async defCodes(): Promise<DefCodeLists> {
    const rows = await this.dataSource.query<{ code: string; group_name: string | null }[]>(
      'SELECT code, group_name FROM disaster_emergency_fund_code',
    );
    const codes = rows.map((row) => row.code).sort(compareCodePoints);
    const covid = new Set(rows.filter((row) => row.group_name === 'covid_19').map((row) => row.code));
    return { all: codes, covid: codes.filter((code) => covid.has(code)) };
  }

  /** The newest revealed monthly submission window (fiscal year, then period), or null when none is. */
  async latestMonthlyPeriod(): Promise<LatestMonthlyPeriod | null> {
    const rows = await this.dataSource.query<{ fiscal_year: number; period: number }[]>(
      `SELECT submission_fiscal_year AS fiscal_year, submission_fiscal_month AS period
       FROM dabs_submission_window_schedule WHERE NOT is_quarter AND submission_reveal_date <= now()
       ORDER BY submission_fiscal_year DESC, submission_fiscal_quarter DESC, submission_fiscal_month DESC LIMIT 1`,
    );
    return rows[0] ? { fiscalYear: Number(rows[0].fiscal_year), period: Number(rows[0].period) } : null;
  }

  /**
   * The newest pre-generated COVID-19 profile: a `COVID-19_Profile…` job whose request names every COVID-19
   * code (`marker`) and that has not failed. Unlike the reference, a failed attempt is never handed out, so a
   * client is not sent to a file that will not come; a job still being generated is (its status says so).
   * A profile generated on request expires like any download (then a new one is made).
   */
  findProfile(marker: string): Promise<DownloadJobEntity | null> {
    return this.jobs
      .createQueryBuilder('job')
      .where(`job.file_name LIKE 'COVID-19\\_Profile%'`)
      .andWhere('strpos(job.json_request, :marker) > 0', { marker })
      .andWhere('job.error_message IS NULL')
      .andWhere('job.job_status_id <> :failed', { failed: JobStatus.Failed })
      .andWhere('job.file_removed_at IS NULL AND (job.expires_at IS NULL OR job.expires_at > now())')
      .orderBy('job.update_date', 'DESC')
      .getOne();
  }
}
