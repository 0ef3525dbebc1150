import type {
  DonationPurpose,
  DonationStatus,
  EvaluationGrade,
  OrganizationType,
  RegistrationStatus,
} from '../../generated/graphql';

/** The English name of each organization type, for labels. */
export const ORGANIZATION_TYPE_NAMES_EN: Readonly<Record<OrganizationType, string>> = {
  SOCIAL_GROUP: 'Social group',
  SOCIAL_SERVICE_AGENCY: 'Social service agency',
  FOUNDATION: 'Foundation',
  COMMUNITY_ORGANIZATION: 'Community organization',
  ENTERPRISE: 'Enterprise',
  GOVERNMENT_AGENCY: 'Government agency',
  OTHER: 'Other',
};

/** The English name of each registration status (分类管理), for labels. */
export const REGISTRATION_STATUS_NAMES_EN: Readonly<Record<RegistrationStatus, string>> = {
  REGISTERED: 'Registered',
  FILED: 'Filed',
  COMMUNITY_GUIDED: 'Community-guided',
  DEREGISTERED: 'Deregistered',
};

/** Evaluation grades are written the same in both languages. */
export const EVALUATION_GRADE_NAMES_EN: Readonly<Record<EvaluationGrade, string>> = {
  GRADE_5A: '5A',
  GRADE_4A: '4A',
  GRADE_3A: '3A',
  GRADE_2A: '2A',
  GRADE_1A: '1A',
};

/** The English name of each donation purpose, for labels. */
export const DONATION_PURPOSE_NAMES_EN: Readonly<Record<DonationPurpose, string>> = {
  EPIDEMIC_RESPONSE: 'Epidemic response',
  POVERTY_ALLEVIATION: 'Poverty alleviation',
  DISASTER_RELIEF: 'Disaster relief',
  EDUCATION: 'Education',
  HEALTH: 'Health',
  ELDERLY_CARE: 'Elderly care',
  CHILD_WELFARE: 'Child welfare',
  COMMUNITY_DEVELOPMENT: 'Community development',
  ENVIRONMENT: 'Environmental protection',
  CULTURE: 'Culture',
  GENERAL: 'Unrestricted',
};

/** The English name of each donation status, for labels. */
export const DONATION_STATUS_NAMES_EN: Readonly<Record<DonationStatus, string>> = {
  PLEDGED: 'Pledged',
  PARTIALLY_DELIVERED: 'Partially delivered',
  DELIVERED: 'Delivered',
  VERIFIED: 'Verified',
  CANCELLED: 'Cancelled',
};

/** GB/T 4754-2017 section names in English, shortened as the dashboard shows them. */
export const INDUSTRY_SECTIONS_EN: Readonly<Record<string, string>> = {
  A: 'Agriculture, forestry, animal husbandry, fishery',
  B: 'Mining',
  C: 'Manufacturing',
  D: 'Electricity, heat, gas and water',
  E: 'Construction',
  F: 'Wholesale and retail',
  G: 'Transport, storage and post',
  H: 'Accommodation and catering',
  I: 'Information transmission, software and IT',
  J: 'Finance',
  K: 'Real estate',
  L: 'Leasing and business services',
  M: 'Scientific research and technical services',
  N: 'Water, environment and public facilities',
  O: 'Residential, repair and other services',
  P: 'Education',
  Q: 'Health and social work',
  R: 'Culture, sports and entertainment',
  S: 'Public administration and social organizations',
  T: 'International organizations',
};
