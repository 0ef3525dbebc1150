import type { EvaluationGrade, RegistrationStatus } from '../../generated/graphql';

/** The Chinese name of each registration status, for labels. */
export const REGISTRATION_STATUS_NAMES: Readonly<Record<RegistrationStatus, string>> = {
  REGISTERED: '依法登记',
  FILED: '备案',
  COMMUNITY_GUIDED: '社区引导',
  DEREGISTERED: '已注销',
};

/** The name of each evaluation grade, for labels. */
export const EVALUATION_GRADE_NAMES: Readonly<Record<EvaluationGrade, string>> = {
  GRADE_5A: '5A',
  GRADE_4A: '4A',
  GRADE_3A: '3A',
  GRADE_2A: '2A',
  GRADE_1A: '1A',
};
