import { AwardPin } from './award-model';

const NATIONAL_SCIENCE_FOUNDATION = 50;
const DEPARTMENT_OF_DEFENSE = 98;
const SMALL_BUSINESS_ADMINISTRATION = 74;

/**
 * Awards appended to the demonstration dataset so that every documented example request (the OpenAPI
 * examples and the README's) returns rows in each of its files, whatever the random draws gave.
 */
export const DEMO_AWARD_PINS: readonly AwardPin[] = [
  // Custom Award Data: NSF contracts and grants with subawards acted on in calendar year 2019.
  {
    typeCode: 'D',
    toptierId: NATIONAL_SCIENCE_FOUNDATION,
    firstDate: '2019-01-07',
    description: 'POLAR RESEARCH VESSEL SUPPORT',
    subawards: 6,
  },
  {
    typeCode: '04',
    toptierId: NATIONAL_SCIENCE_FOUNDATION,
    firstDate: '2019-01-14',
    description: 'GRADUATE RESEARCH FELLOWSHIP PROGRAM',
    subawards: 6,
  },
  // Keyword "Defense": a Department of Defense contract in FY2023 and a defense community grant.
  {
    typeCode: 'A',
    toptierId: DEPARTMENT_OF_DEFENSE,
    firstDate: '2022-11-15',
    description: 'DEFENSE LOGISTICS WAREHOUSING SERVICES',
    subawards: 2,
  },
  {
    typeCode: '04',
    toptierId: DEPARTMENT_OF_DEFENSE,
    firstDate: '2022-12-05',
    description: 'DEFENSE COMMUNITY INFRASTRUCTURE PROGRAM',
    subawards: 2,
  },
  // COVID-19 recipients of loans: a direct and a guaranteed loan with COVID-19 (CARES Act) funding.
  {
    typeCode: '07',
    toptierId: SMALL_BUSINESS_ADMINISTRATION,
    firstDate: '2021-11-08',
    description: 'ECONOMIC INJURY DISASTER LOAN',
    subawards: 0,
    defc: 'N',
  },
  {
    typeCode: '08',
    toptierId: SMALL_BUSINESS_ADMINISTRATION,
    firstDate: '2021-12-06',
    description: 'PAYCHECK PROTECTION PROGRAM LOAN GUARANTEE',
    subawards: 0,
    defc: 'P',
  },
];
