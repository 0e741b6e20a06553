import { FileFormat } from '../../awards-download/request/download-common.rules';

/** The three award summary pages' downloads: POST /api/v2/download/idv/, /contract/, /assistance/. */
export type AwardPageKind = 'idv' | 'contract' | 'assistance';

/** A validated award-page body, before the award is looked up (the route's contract). */
export { AwardPageBody } from './award-page.contract';

/** What the request needs of the award it names (`award_search`). */
export interface AwardPageAward {
  readonly awardId: number;
  readonly generatedUniqueAwardId: string;
  readonly piid: string | null;
  readonly fain: string | null;
  readonly uri: string | null;
}

/** `include_file_description`: the readme the zip carries, and the template it is rendered from. */
export interface FileDescription {
  readonly destination: string;
  readonly source: string;
}

/** Keys every award-page `download_request` has (canonical order is applied when it is stored). */
interface AwardPageRequestBase {
  readonly account_level: 'treasury_account';
  readonly columns?: readonly string[];
  readonly file_format: FileFormat;
  readonly include_data_dictionary: true;
  readonly include_file_description: FileDescription;
  readonly is_for_idv: boolean;
  readonly limit: number;
}

export interface IdvDownloadRequest extends AwardPageRequestBase {
  readonly download_types: readonly ['idv_federal_account_funding', 'idv_orders', 'idv_transaction_history'];
  readonly filters: { readonly award_type_codes: readonly string[]; readonly idv_award_id: number };
  readonly piid: string | null;
  readonly request_type: 'idv';
}

export interface ContractDownloadRequest extends AwardPageRequestBase {
  readonly award_id: number;
  readonly download_types: readonly [
    'contract_federal_account_funding',
    'contract_transactions',
    'sub_contracts',
  ];
  readonly filters: { readonly award_id: number; readonly award_type_codes: readonly string[] };
  readonly is_for_assistance: false;
  readonly is_for_contract: true;
  readonly piid: string | null;
  readonly request_type: 'contract';
}

export interface AssistanceDownloadRequest extends AwardPageRequestBase {
  /** The award's FAIN, or its URI for aggregate records (`AGG` in the generated id); may be null. */
  readonly assistance_id: string | null;
  readonly award_id: number;
  readonly download_types: readonly [
    'assistance_federal_account_funding',
    'assistance_transactions',
    'sub_grants',
  ];
  readonly filters: { readonly award_id: number; readonly award_type_codes: readonly string[] };
  readonly is_for_assistance: true;
  readonly is_for_contract: false;
  readonly request_type: 'assistance';
}

export type AwardPageDownloadRequest =
  IdvDownloadRequest | ContractDownloadRequest | AssistanceDownloadRequest;
