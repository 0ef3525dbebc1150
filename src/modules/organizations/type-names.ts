import type { OrganizationType } from '../../generated/graphql';

/** The Chinese name of each organization type, for labels. */
export const ORGANIZATION_TYPE_NAMES: Readonly<Record<OrganizationType, string>> = {
  SOCIAL_GROUP: '社会团体',
  SOCIAL_SERVICE_AGENCY: '社会服务机构',
  FOUNDATION: '基金会',
  COMMUNITY_ORGANIZATION: '社区社会组织',
  ENTERPRISE: '企业',
  GOVERNMENT_AGENCY: '政府机关',
  OTHER: '其他',
};
