import { Injectable } from '@nestjs/common';
import { catalogFor } from '../catalog/catalog-lookup.util';
import { ApiError, ApiErrorCode } from '../common/api-error';
import { DownloadResponseDto } from '../download-jobs/download-response.dto';
import { DownloadSubmissionService } from '../download-jobs/download-submission.service';
import { BolsteredPeriod, CheckedAccountRequest } from './request/account-download-request.types';
import {
  checkAccountRequestShape,
  finishAccountDownloadRequest,
  validateAccountDownloadRequest,
} from './request/account-download-request.util';
import {
  AgencyMatch,
  accountZipFileName,
  agencyNamePart,
  dataQuarters,
} from './request/account-file-names.util';
import { assertKnownColumns } from '../download-request/columns/unknown-columns.util';
import { AccountLookupRepository } from './account-lookup.repository';

/** Custom account downloads: validate in the reference's order, look up, bolster, submit (docs/compatibility.md#account-downloads). */
@Injectable()
export class AccountsDownloadService {
  constructor(
    private readonly submissions: DownloadSubmissionService,
    private readonly lookups: AccountLookupRepository,
  ) {}

  async download(body: unknown): Promise<DownloadResponseDto> {
    const validated = validateAccountDownloadRequest(body, await this.lookups.defCodes());
    const agencyMatch = await this.checkAgency((validated.filters as { agency: string }).agency);
    const checked = checkAccountRequestShape(validated);
    // Every submission type's columns count, not only File C's (the reference checks only with File C).
    assertKnownColumns(
      checked.columns,
      checked.submissionTypes.map((type) =>
        catalogFor(`${type}.${checked.accountLevel}`).columns.map((column) => column.requestName),
      ),
    );
    await this.checkFederalAccount(checked.filters.federal_account);
    const request = finishAccountDownloadRequest(checked, await this.bolster(checked));
    const { filters } = request;
    return this.submissions.submit({
      requestType: 'account',
      canonicalRequest: request,
      fileName: (timestamp) =>
        accountZipFileName({
          dataQuarters: dataQuarters(filters.fy, filters.quarter, filters.period),
          agency: agencyNamePart(filters.agency, agencyMatch),
          level: request.account_level,
          submissionTypes: request.download_types,
          timestamp,
        }),
    });
  }

  /** 404 for an agency that is neither an id nor an abbreviation (docs/compatibility.md#account-downloads step 3). */
  private async checkAgency(agency: string): Promise<AgencyMatch | null> {
    if (agency.toLowerCase() === 'all') return null;
    const match = await this.lookups.matchAgency(agency);
    const isId = /^\d+$/.test(agency);
    if ((isId && match.toptierCodeOfId !== null) || match.abbreviationExists) return match;
    throw new ApiError(
      ApiErrorCode.NotFound,
      `No agency was found with ${isId ? 'id' : 'abbreviation'} ${agency}`,
    );
  }

  /** The reference finds an unknown federal account only while generating (docs/compatibility.md#account-downloads); we refuse it now. */
  private async checkFederalAccount(federalAccount: string): Promise<void> {
    if (federalAccount === 'all' || (await this.lookups.federalAccountExists(federalAccount))) return;
    throw new ApiError(ApiErrorCode.InvalidParameter, 'Federal Account with that ID does not exist');
  }

  /** The half of quarter/period the client did not send, from the revealed submission windows (docs/compatibility.md#quarter-and-period). */
  private async bolster(checked: CheckedAccountRequest): Promise<BolsteredPeriod> {
    const fy = checked.filters.fy;
    if (checked.period !== null)
      return { period: null, quarter: await this.lookups.latestRevealed(fy, { period: checked.period }) };
    return {
      quarter: null,
      period: await this.lookups.latestRevealed(fy, { quarter: checked.quarter ?? 0 }),
    };
  }
}
