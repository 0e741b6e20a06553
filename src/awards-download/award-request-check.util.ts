import { catalogFor } from '../catalog/catalog-lookup.util';
import {
  AwardTypeSelection,
  awardDownloadSources,
} from '../download-request/award-types/award-download-sources.util';
import { AwardDownloadType } from '../download-request/award-types/award-download-type.constants';
import { assertKnownColumns } from '../download-request/columns/unknown-columns.util';
import { assertFiltersApplicable } from '../filters/supported-award-filters';

/** What the check reads of an award-level request, row-limited or bulk. */
export interface GenerableAwardRequest {
  readonly columns?: readonly string[];
  readonly download_types: readonly AwardDownloadType[];
  readonly filters: AwardTypeSelection & object;
}

/**
 * Refuses, before any job exists, filters the SQL cannot apply and columns none of the request's files
 * has (the reference finds unknown columns only while generating).
 */
export function assertAwardRequestGenerable(request: GenerableAwardRequest): void {
  assertFiltersApplicable(request.filters);
  const sources = awardDownloadSources(request.download_types, request.filters);
  assertKnownColumns(
    request.columns,
    sources.map((source) => catalogFor(source.catalogKey).columns.map((column) => column.requestName)),
  );
}
