import { CheckedByRoute } from '../../download-request/contract/request-field.decorator';
import { LIST_AGENCIES_TYPES } from './list-agencies-request.util';

/*
 * The listing routes answer at once and keep the reference's own parameter checks (their messages are not
 * TinyShield's), so these contracts document what that code accepts.
 */

/** The body of POST /api/v2/bulk_download/list_agencies/. */
export class ListAgenciesBody {
  @CheckedByRoute(
    { type: 'enum', values: LIST_AGENCIES_TYPES, required: true },
    { description: 'Which pick-list', example: 'award_agencies' },
  )
  type!: string;

  @CheckedByRoute(
    { type: 'integer' },
    { description: 'A toptier_agency_id: list its sub-agencies', example: 21 },
  )
  agency?: number;
}

/** The body of POST /api/v2/bulk_download/list_monthly_files/. */
export class ListMonthlyFilesBody {
  @CheckedByRoute(
    { type: 'any', models: [{ type: 'enum', values: ['all'] }, { type: 'integer' }], required: true },
    { description: '`all` or a toptier_agency_id', example: 'all' },
  )
  agency!: 'all' | number;

  @CheckedByRoute({ type: 'integer', required: true }, { description: 'Fiscal year', example: 2024 })
  fiscal_year!: number;

  @CheckedByRoute(
    { type: 'text', required: true },
    { description: 'contracts or assistance (another value matches no files)', example: 'contracts' },
  )
  type!: string;
}

/** The body of POST /api/v2/bulk_download/list_unlinked_awards_files/. */
export class ListUnlinkedAwardsFilesBody {
  @CheckedByRoute(
    { type: 'text', required: true },
    { description: 'The toptier code of the agency', example: '020' },
  )
  toptier_code!: string;
}
