import { Injectable } from '@nestjs/common';
import { ApiError, ApiErrorCode } from '../common/api-error';
import { assertAwardRequestGenerable } from '../awards-download/award-request-check.util';
import { DownloadResponseDto } from '../download-jobs/download-response.dto';
import { DownloadSubmissionService } from '../download-jobs/download-submission.service';
import { finishCustomBulkRequest, parseBulkAwardRequest } from './request/bulk-award-request.util';
import { BulkAwardRequest, BulkRequestDraft } from './request/bulk-award-request.types';
import { utcToday } from './request/bulk-date-range.util';
import { awardZipFileName } from '../download-request/file-names/award-zip-name.util';
import { ToptierAgencyRepository } from './agencies/toptier-agency.repository';
import { BulkDownloadSettings } from './bulk-download.settings';

/**
 * POST /api/v2/bulk_download/awards/: normalize (docs/compatibility.md#custom-award-data-bulk), resolve the agency, check columns, and submit a
 * `request_type: award` job, which the award planner generates like any other award download.
 */
@Injectable()
export class BulkAwardsService {
  constructor(
    private readonly submissions: DownloadSubmissionService,
    private readonly agencies: ToptierAgencyRepository,
    private readonly settings: BulkDownloadSettings,
  ) {}

  async download(body: unknown): Promise<DownloadResponseDto> {
    const draft = parseBulkAwardRequest(body, {
      today: utcToday(),
      maxDays: this.settings.maxDateRangeDays,
    });
    const request = draft.mode === 'keyword' ? draft.request : await this.resolveAgency(draft);
    assertAwardRequestGenerable(request);
    // Custom downloads are named `All_...` whatever the agency (docs/compatibility.md#zip-file-names); keyword mode has no prefix.
    const prefix = draft.mode === 'custom' ? 'All_' : '';
    return this.submissions.submit({
      requestType: 'award',
      canonicalRequest: request,
      fileName: (timestamp) => awardZipFileName(request.download_types, timestamp, prefix),
    });
  }

  /** docs/compatibility.md#custom-award-data-bulk (e): a numeric `agency` must be a toptier agency; its name becomes the filter. */
  async resolveAgency(draft: Extract<BulkRequestDraft, { mode: 'custom' }>): Promise<BulkAwardRequest> {
    if (draft.agencyId === undefined) return finishCustomBulkRequest(draft, undefined);
    const agency = await this.agencies.findById(draft.agencyId);
    if (!agency) throw new ApiError(ApiErrorCode.InvalidParameter, `Toptier ID not found: ${draft.agencyId}`);
    return finishCustomBulkRequest(draft, agency.name);
  }
}
