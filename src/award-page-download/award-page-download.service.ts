import { Injectable } from '@nestjs/common';
import { DownloadResponseDto } from '../download-jobs/download-response.dto';
import { DownloadSubmissionService } from '../download-jobs/download-submission.service';
import { AwardPageKind } from './request/award-page-request.types';
import {
  assistanceIdOf,
  awardNotFound,
  awardPageDownloadRequest,
  validateAwardPageBody,
} from './request/award-page-request.util';
import { assertKnownColumns } from '../download-request/columns/unknown-columns.util';
import { awardPageZipFileName } from '../download-request/file-names/award-page-names.util';
import { AwardLookupRepository } from './award-lookup.repository';
import { awardPageColumnNames } from './award-page-files.util';

/** The award summary pages' downloads: validate, find the award, check the columns, submit. */
@Injectable()
export class AwardPageDownloadService {
  constructor(
    private readonly awards: AwardLookupRepository,
    private readonly submissions: DownloadSubmissionService,
  ) {}

  async download(kind: AwardPageKind, body: unknown): Promise<DownloadResponseDto> {
    const validated = validateAwardPageBody(body);
    const award = await this.awards.find(validated.award_id);
    if (!award) throw awardNotFound();
    // The reference finds unknown columns only while generating; we refuse them before any job exists.
    assertKnownColumns(validated.columns, awardPageColumnNames(kind));
    const request = awardPageDownloadRequest(kind, validated, award);
    const identifier = kind === 'assistance' ? assistanceIdOf(award) : award.piid;
    return this.submissions.submit({
      requestType: kind,
      canonicalRequest: request,
      fileName: (timestamp) => awardPageZipFileName(kind, identifier, timestamp),
    });
  }
}
