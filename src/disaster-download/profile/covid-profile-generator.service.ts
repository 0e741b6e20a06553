import { Injectable } from '@nestjs/common';
import { covidProfileRequest, NO_REVEALED_PERIOD_MESSAGE } from '../request/disaster-request.util';
import { DownloadTimestampClock } from '../../download-request/file-names/download-timestamp.util';
import { PregeneratedFileService } from '../../pregenerated/pregenerated-file.service';
import { COVID_PROFILE_REQUEST_TYPE } from '../disaster-download.planner';
import { DisasterLookupRepository } from '../disaster-lookup.repository';

/**
 * Produces the pre-generated COVID-19 profile (every COVID-19 DEFC) that POST /api/v2/download/disaster/ hands
 * out: `COVID-19_Profile_<TS>.zip` at the storage root, with the job row the route finds it by. Earlier
 * profiles stay (the route takes the newest), as in the reference.
 */
@Injectable()
export class CovidProfileGeneratorService {
  constructor(
    private readonly clock: DownloadTimestampClock,
    private readonly lookups: DisasterLookupRepository,
    private readonly files: PregeneratedFileService,
  ) {}

  async generate(): Promise<{ fileName: string; rows: number }> {
    const codes = await this.lookups.defCodes();
    const latest = await this.lookups.latestMonthlyPeriod();
    if (!latest) throw new Error(NO_REVEALED_PERIOD_MESSAGE);
    if (codes.covid.length === 0)
      throw new Error('The disaster_emergency_fund_code table has no COVID-19 codes.');
    const fileName = `COVID-19_Profile_${this.clock.next()}.zip`;
    const totals = await this.files.generate({
      objectName: fileName,
      requestType: COVID_PROFILE_REQUEST_TYPE,
      request: covidProfileRequest(codes.covid, latest),
      monthly: false,
    });
    return { fileName, rows: totals.rows };
  }
}
