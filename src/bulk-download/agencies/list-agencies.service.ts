import { Injectable } from '@nestjs/common';
import { ApiError, ApiErrorCode } from '../../common/api-error';
import { parseListAgenciesRequest } from '../request/list-agencies-request.util';
import { ListAgenciesResponseDto, ListedAgencyDto } from './list-agencies.dto';
import { ToptierAgency, ToptierAgencyRepository } from './toptier-agency.repository';

/** The CFO Act agencies' toptier codes, in the order the reference lists them (docs/compatibility.md#agency-pick-lists). */
export const CFO_TOPTIER_CODES = [
  '012', '013', '097', '091', '089', '075', '070', '086', '015', '1601', '019', '014',
  '020', '069', '036', '068', '047', '080', '049', '031', '024', '073', '028', '072',
] as const; // prettier-ignore

const CFO_RANK: ReadonlyMap<string, number> = new Map(CFO_TOPTIER_CODES.map((code, rank) => [code, rank]));

/** POST /api/v2/bulk_download/list_agencies/: the download center's agency and sub-agency pick-lists. */
@Injectable()
export class ListAgenciesService {
  constructor(private readonly agencies: ToptierAgencyRepository) {}

  async list(body: unknown): Promise<ListAgenciesResponseDto> {
    const request = parseListAgenciesRequest(body);
    const candidates =
      request.type === 'award_agencies'
        ? await this.agencies.awardAgencies()
        : await this.agencies.accountAgencies();
    if (request.agency === undefined) {
      const cfo = candidates
        .filter((agency) => CFO_RANK.has(agency.code))
        .sort((a, b) => (CFO_RANK.get(a.code) ?? 0) - (CFO_RANK.get(b.code) ?? 0));
      const other = candidates.filter((agency) => !CFO_RANK.has(agency.code));
      return {
        agencies: { cfo_agencies: cfo.map(listed), other_agencies: other.map(listed) },
        sub_agencies: [],
      };
    }
    const agencyId = request.agency;
    if (!candidates.some((agency) => agency.id === agencyId))
      throw new ApiError(ApiErrorCode.InvalidParameter, 'Agency ID not found');
    const names = await this.agencies.subAgencyNames(agencyId);
    return { agencies: [], sub_agencies: names.map((name) => ({ subtier_agency_name: name })) };
  }
}

function listed(agency: ToptierAgency): ListedAgencyDto {
  return { name: agency.name, toptier_agency_id: agency.id, toptier_code: agency.code };
}
