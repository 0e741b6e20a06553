import type { AccountDownloadRequest } from '../accounts-download/request/account-download-request.types';
import type {
  AssistanceDownloadRequest,
  ContractDownloadRequest,
  IdvDownloadRequest,
} from '../award-page-download/request/award-page-request.types';
import type {
  CovidProfileRequest,
  DisasterDownloadRequest,
  DisasterRecipientRequest,
} from '../disaster-download/request/disaster-request.types';
import type { SearchDownloadRequest } from '../awards-download/request/search-download-request.types';
import type { StoredAwardRequest } from '../awards-download/award-download.planner';
import type { DatabaseDownloadRequest } from '../bulk-download/database-files/database-download.planner';
import type { UnlinkedAwardsRequest } from '../bulk-download/unlinked/unlinked-awards.planner';
import { isJsonObject } from '../download-request/tinyshield/python-coerce.util';

/**
 * What a job of each request type stores (`download_job.json_request`), by its `request_type` column: the
 * typed union every planner receives its request from.
 */
export interface StoredRequests {
  account: AccountDownloadRequest;
  award: StoredAwardRequest;
  monthly_delta: StoredAwardRequest;
  search: SearchDownloadRequest;
  idv: IdvDownloadRequest;
  contract: ContractDownloadRequest;
  assistance: AssistanceDownloadRequest;
  disaster: DisasterDownloadRequest;
  covid_profile: CovidProfileRequest;
  disaster_recipient: DisasterRecipientRequest;
  unlinked_awards: UnlinkedAwardsRequest;
  database_download: DatabaseDownloadRequest;
}

export type RequestType = keyof StoredRequests;
export type StoredRequest = StoredRequests[RequestType];

/** Every request type, checked complete against StoredRequests by the compiler. */
const TYPES: Record<RequestType, true> = {
  account: true,
  award: true,
  monthly_delta: true,
  search: true,
  idv: true,
  contract: true,
  assistance: true,
  disaster: true,
  covid_profile: true,
  disaster_recipient: true,
  unlinked_awards: true,
  database_download: true,
};
export const REQUEST_TYPES = Object.keys(TYPES) as readonly RequestType[];

export function isRequestType(value: string): value is RequestType {
  return Object.hasOwn(TYPES, value);
}

/**
 * A stored request in its typed form, parsed once per job. The row was written by this service from the typed
 * request of the same type (the route's validated, canonical request), so its shape is that type's; what can
 * still be wrong — text that is no JSON object, or a `request_type` that disagrees — fails here.
 */
export function parseStoredRequest<T extends RequestType>(type: T, json: string): StoredRequests[T] {
  const value: unknown = JSON.parse(json);
  if (!isStoredRequestOf(type, value))
    throw new Error(`The stored request of a ${type} job is not a ${type} request`);
  return value;
}

function isStoredRequestOf<T extends RequestType>(type: T, value: unknown): value is StoredRequests[T] {
  // Requests of the pre-generated files carry no request_type; the others carry their job's, except delta
  // archives, which store the bulk award request they narrow to a window.
  const stored = type === 'monthly_delta' ? 'award' : type;
  return isJsonObject(value) && (value.request_type === undefined || value.request_type === stored);
}
