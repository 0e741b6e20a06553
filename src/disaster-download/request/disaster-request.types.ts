import { FileFormat } from '../../awards-download/request/download-common.rules';

/** The latest revealed monthly submission window: the COVID-19 files' `FY<yyyy>P<mm>-Present` names. */
export interface LatestMonthlyPeriod {
  readonly fiscalYear: number;
  readonly period: number;
}

/** The DEF codes the routes validate against: every code, and the COVID-19 group's codes (both sorted). */
export interface DefCodeLists {
  readonly all: readonly string[];
  readonly covid: readonly string[];
}

/** The canonical `download_request` of a generated (single-DEFC) COVID-19 profile download. */
export interface DisasterDownloadRequest {
  readonly account_filters: {
    readonly is_multi_year: true;
    readonly latest_fiscal_period: number;
    readonly latest_fiscal_year: number;
    readonly start_date: '2020-04-01';
  };
  readonly account_level: 'treasury_account';
  readonly columns?: readonly string[];
  readonly download_types: readonly [
    'elasticsearch_awards',
    'elasticsearch_sub_awards',
    'gtas_balances',
    'object_class_program_activity',
  ];
  readonly file_format: FileFormat;
  readonly filters: { readonly award_type_codes: readonly string[]; readonly def_codes: readonly [string] };
  readonly include_data_dictionary: true;
  readonly include_file_description: { readonly destination: string; readonly source: string };
  readonly request_type: 'disaster';
}

/**
 * The stored request of a pre-generated profile (all COVID-19 DEFCs), as the reference's command writes it:
 * period and year as strings, the period two-digit.
 */
export interface CovidProfileRequest {
  readonly filters: {
    readonly def_codes: readonly string[];
    readonly latest_fiscal_period: string;
    readonly latest_fiscal_year: string;
    readonly start_date: '2020-04-01';
  };
}

/** A validated disaster request: one DEFC (a file to generate) or all COVID-19 DEFCs (the pre-generated file). */
export type DisasterRequestBranch =
  | {
      readonly branch: 'generated';
      readonly defCode: string;
      readonly columns?: readonly string[];
      readonly fileFormat: FileFormat;
    }
  | { readonly branch: 'pre-generated'; readonly columns?: readonly string[] };

/** The recipient file's category, from the award type codes: its name and default columns. */
export type AwardCategory =
  | 'Contracts'
  | 'Contract-IDVs'
  | 'Grants'
  | 'Loans'
  | 'Direct-Payments'
  | 'Other-Financial-Assistance'
  | 'All-Awards';

/** The canonical `download_request` of POST /api/v2/download/disaster/recipients/. */
export interface DisasterRecipientRequest {
  readonly award_category: AwardCategory;
  readonly columns: readonly string[];
  readonly download_types: readonly ['disaster_recipient'];
  readonly file_format: FileFormat;
  readonly filters: {
    readonly award_type_codes?: readonly string[];
    readonly def_codes: readonly string[];
    readonly query?: { readonly fields: readonly ['recipient_name']; readonly text: string };
  };
  readonly request_type: 'disaster_recipient';
}
