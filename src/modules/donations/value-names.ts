import type { DonationPurpose, DonationStatus } from '../../generated/graphql';

/** The Chinese name of each donation purpose, for labels. */
export const DONATION_PURPOSE_NAMES: Readonly<Record<DonationPurpose, string>> = {
  EPIDEMIC_RESPONSE: '疫情防控',
  POVERTY_ALLEVIATION: '脱贫攻坚',
  DISASTER_RELIEF: '救灾',
  EDUCATION: '教育',
  HEALTH: '医疗卫生',
  ELDERLY_CARE: '养老',
  CHILD_WELFARE: '儿童福利',
  COMMUNITY_DEVELOPMENT: '社区发展',
  ENVIRONMENT: '环境保护',
  CULTURE: '文化',
  GENERAL: '非定向',
};

/** The Chinese name of each donation status, for labels. */
export const DONATION_STATUS_NAMES: Readonly<Record<DonationStatus, string>> = {
  PLEDGED: '已承诺',
  PARTIALLY_DELIVERED: '部分到位',
  DELIVERED: '已到位',
  VERIFIED: '已核验',
  CANCELLED: '已取消',
};
