/**
 * Word lists for names and descriptions. Some entries are deliberately awkward for CSV and search:
 * commas, double quotes, embedded newlines and non-ASCII letters, so downloads and keyword filters are
 * exercised on the text that breaks naive exporters.
 */
export const NAME_WORDS = [
  'Acme',
  'Northwind',
  'Blue Ridge',
  'Cascade',
  'Summit',
  'Liberty',
  'Pioneer',
  'Keystone',
  'Harbor',
  'Granite',
  'Evergreen',
  'Frontier',
  'Meridian',
  'Sterling',
  'Pinnacle',
  'Redwood',
  'Atlas',
  'Beacon',
  'Crescent',
  'Delta',
  'Horizon',
  'Ironwood',
  'Juniper',
  'Lakeside',
  'Magnolia',
  'Orion',
  'Prairie',
  'Quantum',
  'Riverbend',
  'Sequoia',
];
export const NAME_SUFFIXES = [
  'LLC',
  'Inc.',
  'Corporation',
  'Technologies',
  'Systems Group',
  'Health Partners',
  'Research Institute',
  'Engineering Co',
  'Solutions, Inc.',
  'Associates',
];
/** Whole names that stress quoting and encodings. */
export const TRICKY_NAMES = [
  'Smith, Jones & Associates, "The Firm"',
  'Café Résumé Société Anonyme',
  'Zürich Präzisionstechnik GmbH',
  '東京 Trading Co., Ltd.',
  'São Paulo Construções Ltda',
  'O\'Brien & Sons "Builders"',
  'Université de Montréal',
];
export const INSTITUTION_NAMES = [
  'State University',
  'Community College District',
  'County of Riverside',
  'City of Springfield',
  'Regional Transit Authority',
  'Public Housing Authority',
  'Tribal Council',
  "Children's Hospital",
];

export const CONTRACT_DESCRIPTIONS = [
  'IT MODERNIZATION SUPPORT SERVICES',
  'CYBERSECURITY OPERATIONS CENTER SUPPORT',
  'FACILITIES MAINTENANCE AND REPAIR, BUILDING 12',
  'AIRCRAFT ENGINE SPARE PARTS',
  'JANITORIAL SERVICES - "GREEN CLEANING" PILOT',
  'MEDICAL SUPPLIES FOR VA MEDICAL CENTER',
  'SATELLITE GROUND STATION UPGRADE\nPHASE II',
  'CLOUD HOSTING, DATA MIGRATION, AND HELP DESK',
  'RADAR CALIBRATION EQUIPMENT',
  'ENVIRONMENTAL REMEDIATION AT FORMER RANGE',
  'SOFTWARE LICENSES — ENTERPRISE AGREEMENT',
  'BRIDGE INSPECTION SERVICES (FEDERAL LANDS)',
  'VACCINE DISTRIBUTION LOGISTICS',
  'BODY ARMOR, SIZE-SPECIFIC PLATES',
  'ÉTUDE DE FAISABILITÉ: PORT FACILITIES',
];
export const ASSISTANCE_DESCRIPTIONS = [
  'COMMUNITY HEALTH CENTER OPERATING GRANT',
  'RURAL BROADBAND DEPLOYMENT, PHASE 1',
  'WILDFIRE RECOVERY ASSISTANCE',
  'SMALL BUSINESS DISASTER LOAN',
  'STUDENT FINANCIAL AID - "PELL" SUPPLEMENT',
  'HOUSING CHOICE VOUCHER PROGRAM',
  'RESEARCH ON CLIMATE RESILIENCE\nAND COASTAL FLOODING',
  'HIGHWAY PLANNING AND CONSTRUCTION',
  'EARLY CHILDHOOD EDUCATION, HEAD START',
  'COVID-19 EMERGENCY RELIEF, PAYROLL SUPPORT',
  'CROP INSURANCE INDEMNITY PAYMENT',
  'WATER INFRASTRUCTURE IMPROVEMENTS (IIJA)',
  'PROGRAMA DE NUTRICIÓN INFANTIL',
  'SOCIAL SECURITY RETIREMENT BENEFITS',
];
export const CFDA_PROGRAMS = [
  { number: '10.500', title: 'Cooperative Extension Service' },
  { number: '14.871', title: 'Section 8 Housing Choice Vouchers' },
  { number: '20.205', title: 'Highway Planning and Construction' },
  { number: '84.063', title: 'Federal Pell Grant Program' },
  {
    number: '93.224',
    title:
      'Health Center Program (Community Health Centers, Migrant Health Centers, Health Care for the Homeless, and Public Housing Primary Care)',
  },
  { number: '93.600', title: 'Head Start' },
  { number: '59.008', title: 'Disaster Assistance Loans' },
  { number: '10.450', title: 'Crop Insurance' },
  { number: '96.002', title: 'Social Security Retirement Insurance' },
  { number: '21.019', title: 'Coronavirus Relief Fund' },
  { number: '66.458', title: 'Clean Water State Revolving Fund' },
  { number: '47.050', title: 'Geosciences' },
];
export const OFFICER_NAMES = [
  'Jane Doe',
  'John Roe',
  'María García',
  'Li Wei',
  'Ana-Sofía Núñez',
  'Robert "Bob" Smith',
];
export const STREETS = [
  'Main St',
  'Oak Ave',
  'Pennsylvania Ave NW',
  'Market Street, Suite 200',
  'Rue de la Paix',
];
