import { Injectable } from '@nestjs/common';
import { catalogFor } from '../catalog/catalog-lookup.util';
import { DownloadResponseDto } from '../download-jobs/download-response.dto';
import { DownloadSubmissionService } from '../download-jobs/download-submission.service';
import { assertKnownColumns } from '../download-request/columns/unknown-columns.util';
import { normalizeDisasterRecipientRequest } from './request/disaster-recipient-request.util';
import {
  assertPreGeneratedOptions,
  covidProfileMarker,
  covidProfileRequest,
  disasterDownloadRequest,
  noRevealedPeriod,
  validateDisasterRequest,
} from './request/disaster-request.util';
import { GENERATED_DISASTER_KEYS } from './disaster-files.util';
import {
  COVID_PROFILE_REQUEST_TYPE,
  DISASTER_RECIPIENT_REQUEST_TYPE,
  DISASTER_REQUEST_TYPE,
} from './disaster-download.planner';
import { DisasterLookupRepository } from './disaster-lookup.repository';

const requestNames = (keys: readonly Parameters<typeof catalogFor>[0][]): string[][] =>
  keys.map((key) => catalogFor(key).columns.map((column) => column.requestName));

/** The COVID-19 downloads: the profile (one DEFC generated, all of them pre-generated) and the recipient file. */
@Injectable()
export class DisasterDownloadService {
  constructor(
    private readonly lookups: DisasterLookupRepository,
    private readonly submissions: DownloadSubmissionService,
  ) {}

  async download(body: unknown): Promise<DownloadResponseDto> {
    const codes = await this.lookups.defCodes();
    const branch = validateDisasterRequest(body, codes.covid);
    assertPreGeneratedOptions(body, branch);
    const latest = await this.lookups.latestMonthlyPeriod();
    if (!latest) throw noRevealedPeriod();
    const fileName = (timestamp: string) => `COVID-19_Profile_${timestamp}.zip`;
    if (branch.branch === 'pre-generated') {
      const existing = await this.lookups.findProfile(covidProfileMarker(codes.covid));
      if (existing) return this.submissions.describeExisting(existing);
      // None yet (never generated, or the last attempt failed): generate it now rather than fail.
      return this.submissions.submit({
        requestType: COVID_PROFILE_REQUEST_TYPE,
        canonicalRequest: covidProfileRequest(codes.covid, latest),
        fileName,
      });
    }
    assertKnownColumns(branch.columns, requestNames(GENERATED_DISASTER_KEYS));
    return this.submissions.submit({
      requestType: DISASTER_REQUEST_TYPE,
      canonicalRequest: disasterDownloadRequest(branch, latest),
      fileName,
    });
  }

  async recipients(body: unknown): Promise<DownloadResponseDto> {
    const codes = await this.lookups.defCodes();
    const request = normalizeDisasterRecipientRequest(body, codes.all);
    assertKnownColumns(request.columns, requestNames(['disaster_recipient.recipient']));
    return this.submissions.submit({
      requestType: DISASTER_RECIPIENT_REQUEST_TYPE,
      canonicalRequest: request,
      fileName: (timestamp) => `COVID-19_Recipients_${request.award_category}_${timestamp}.zip`,
    });
  }
}
