import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProgressTracker } from './progress-tracker';
import { RowEstimateRepository } from './row-estimate.repository';

/** Makes the progress tracker of each generation attempt. */
@Injectable()
export class ProgressReporterService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly estimates: RowEstimateRepository,
  ) {}

  begin(downloadJobId: number): ProgressTracker {
    return new ProgressTracker(downloadJobId, this.dataSource, this.estimates);
  }
}
