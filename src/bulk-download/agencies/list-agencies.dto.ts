import { ApiProperty, getSchemaPath } from '@nestjs/swagger';

/** One agency of a pick-list (docs/compatibility.md#agency-pick-lists). */
export class ListedAgencyDto {
  @ApiProperty({ example: 'Department of the Treasury' }) name: string;
  @ApiProperty({ example: 21 }) toptier_agency_id: number;
  @ApiProperty({ example: '020' }) toptier_code: string;
}

export class AgencyPickListsDto {
  @ApiProperty({ type: [ListedAgencyDto], description: 'CFO Act agencies, in the reference’s fixed order' })
  cfo_agencies: ListedAgencyDto[];
  @ApiProperty({ type: [ListedAgencyDto], description: 'Every other agency, by name' })
  other_agencies: ListedAgencyDto[];
}

export class SubAgencyDto {
  @ApiProperty({ example: 'Internal Revenue Service' }) subtier_agency_name: string;
}

/**
 * Without `agency`: `agencies` is the two pick-lists and `sub_agencies` is empty. With `agency`: `agencies` is an
 * empty list (not an object, as in the reference) and `sub_agencies` lists that agency's sub-agencies.
 */
export class ListAgenciesResponseDto {
  @ApiProperty({
    oneOf: [{ $ref: getSchemaPath(AgencyPickListsDto) }, { type: 'array', maxItems: 0 }],
  })
  agencies: AgencyPickListsDto | [];
  @ApiProperty({ type: [SubAgencyDto] }) sub_agencies: SubAgencyDto[];
}
