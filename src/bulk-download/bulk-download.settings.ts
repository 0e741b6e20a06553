import { AppConfig } from '../config/app-config';

/** Settings of the bulk routes, taken from the configuration validated at boot. */
export class BulkDownloadSettings {
  /** Longest `date_range` of a custom bulk request, in days (BULK_DATE_RANGE_MAX_DAYS, reference: 366). */
  readonly maxDateRangeDays: number;

  constructor(config: AppConfig) {
    this.maxDateRangeDays = config.bulkDateRangeMaxDays;
  }
}
