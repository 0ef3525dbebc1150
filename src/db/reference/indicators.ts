/** The governance indicator catalogue: what the API measures, and in which unit. */
export interface IndicatorRow {
  code: string;
  name: string;
  description: string;
  unit: string;
}

/** The indicator whose target `trainingProgress` reports against. */
export const TRAINING_TARGET_INDICATOR = 'community_social_work_training_person_times';

export const indicators: IndicatorRow[] = [
  {
    code: TRAINING_TARGET_INDICATOR,
    name: '社区社会工作人才培训累计人次',
    description: 'Cumulative person-times of community social-work talent training (民办发〔2020〕36号 target).',
    unit: 'person-times',
  },
  {
    code: 'registration_status',
    name: '登记状态',
    description: 'Registration under classification management: 1 registered, 2 filed, 3 community-guided.',
    unit: 'code',
  },
  {
    code: 'has_charter',
    name: '章程',
    description: 'Whether the organization has a charter (1 yes, 0 no).',
    unit: 'boolean',
  },
  {
    code: 'information_disclosure',
    name: '信息公开',
    description: 'Share of required disclosures made public in the period.',
    unit: 'ratio',
  },
  {
    code: 'committee_reviews',
    name: '两委报告与审核',
    description: 'Reports to and reviews by the village/community committees in the period.',
    unit: 'count',
  },
  {
    code: 'evaluation_grade',
    name: '评估等级',
    description: 'Evaluation grade, 1A to 5A, as a number.',
    unit: 'grade',
  },
  {
    code: 'epidemic_enterprise_candidates',
    name: '疫情捐赠企业候选对象',
    description: 'Enterprises among the 11th China Charity Award candidates for COVID-19 donations.',
    unit: 'enterprises',
  },
  {
    code: 'epidemic_enterprise_donors_10m_plus',
    name: '捐赠额1000万元以上企业',
    description: 'Candidate enterprises that gave 10 million yuan or more.',
    unit: 'enterprises',
  },
  {
    code: 'epidemic_enterprise_donors_10m_to_100m',
    name: '捐赠额1000万元至1亿元企业',
    description: 'Candidate enterprises that gave between 10 and 100 million yuan.',
    unit: 'enterprises',
  },
  {
    code: 'epidemic_enterprise_donors_100m_plus',
    name: '捐赠额1亿元以上企业',
    description: 'Candidate enterprises that gave more than 100 million yuan.',
    unit: 'enterprises',
  },
  {
    code: 'epidemic_enterprise_donation_total',
    name: '企业疫情捐赠总额',
    description: 'Total verified COVID-19 donations of the enterprises that gave 10 million yuan or more.',
    unit: 'yuan',
  },
  {
    code: 'epidemic_enterprise_donation_cash',
    name: '企业疫情捐赠现金及有价证券',
    description: 'Cash and securities within that total.',
    unit: 'yuan',
  },
  {
    code: 'epidemic_enterprise_donation_in_kind',
    name: '企业疫情非现金捐赠',
    description: 'Goods in kind within that total (total less cash and securities).',
    unit: 'yuan',
  },
  {
    code: 'epidemic_enterprise_donation_in_kind_share',
    name: '非现金捐赠占比',
    description: 'In-kind share of that total.',
    unit: 'ratio',
  },
  {
    code: 'epidemic_enterprise_donors_without_cash',
    name: '现金捐赠为0的企业',
    description: 'Enterprises of the 10-million-plus group whose cash and securities were zero.',
    unit: 'enterprises',
  },
  {
    code: 'epidemic_enterprise_donation_without_cash_total',
    name: '零现金企业捐赠总额',
    description: 'Total given, all in kind, by the enterprises with no cash.',
    unit: 'yuan',
  },
  {
    code: 'epidemic_enterprise_donors_it',
    name: '信息传输、计算机服务和软件业捐赠企业',
    description: 'Enterprises of the 10-million-plus group in information transmission, software and IT services.',
    unit: 'enterprises',
  },
  {
    code: 'epidemic_enterprise_donors_200m_plus',
    name: '捐赠额2亿元以上企业',
    description: 'Candidate enterprises that gave more than 200 million yuan.',
    unit: 'enterprises',
  },
  {
    code: 'epidemic_social_donation_funds',
    name: '社会捐赠资金',
    description: 'Donated funds received by society as a whole for COVID-19.',
    unit: 'yuan',
  },
  {
    code: 'epidemic_social_donation_items',
    name: '社会捐赠物资',
    description: 'Items of goods received by society as a whole for COVID-19.',
    unit: 'items',
  },
  {
    code: 'poverty_alleviation_organizations',
    name: '参与脱贫攻坚社会组织',
    description: 'Social organizations that carried out poverty-alleviation activities.',
    unit: 'organizations',
  },
  {
    code: 'poverty_alleviation_projects',
    name: '脱贫攻坚项目',
    description: 'Poverty-alleviation projects carried out by social organizations.',
    unit: 'projects',
  },
  {
    code: 'poverty_alleviation_funds',
    name: '脱贫攻坚投入资金',
    description: 'Funds social organizations put into poverty alleviation.',
    unit: 'yuan',
  },
  {
    code: 'china_foundation_forum_main_sessions',
    name: '中国基金会发展论坛年会主论坛',
    description: 'Main forums of the China Foundation Forum annual meeting.',
    unit: 'sessions',
  },
  {
    code: 'china_foundation_forum_parallel_sessions',
    name: '中国基金会发展论坛年会平行论坛',
    description: 'Parallel forums of the China Foundation Forum annual meeting.',
    unit: 'sessions',
  },
  {
    code: 'china_foundation_forum_carnival_events',
    name: '中国基金会发展论坛年会嘉年华活动',
    description: 'Carnival events of the China Foundation Forum annual meeting.',
    unit: 'events',
  },
  {
    code: 'china_foundation_forum_institutions',
    name: '中国基金会发展论坛年会预约报名机构',
    description: 'Institutions registered for the China Foundation Forum annual meeting.',
    unit: 'institutions',
  },
  {
    code: 'china_foundation_forum_registrants',
    name: '中国基金会发展论坛年会预约报名人数',
    description: 'People registered for the China Foundation Forum annual meeting.',
    unit: 'people',
  },
  {
    code: 'china_foundation_forum_initiative_foundations',
    name: '响应基金会行业疫情防控共同倡议的基金会',
    description: 'Foundations that joined the China Foundation Forum joint initiative on epidemic prevention.',
    unit: 'foundations',
  },
  {
    code: 'registered_social_organizations',
    name: '登记社会组织',
    description: 'Social organizations registered by law.',
    unit: 'organizations',
  },
  {
    code: 'national_level_social_organizations',
    name: '全国性社会组织',
    description: 'Social organizations registered at national level.',
    unit: 'organizations',
  },
  {
    code: 'social_work_professionals',
    name: '社会工作专业人才',
    description: 'Social-work professionals.',
    unit: 'people',
  },
  {
    code: 'certified_social_workers',
    name: '持证社会工作者',
    description: 'Social workers holding the national certificate.',
    unit: 'people',
  },
  {
    code: 'social_work_posts',
    name: '社会工作专业岗位',
    description: 'Social-work professional posts.',
    unit: 'posts',
  },
  { code: 'registered_volunteers', name: '注册志愿者', description: 'Registered volunteers.', unit: 'people' },
  {
    code: 'volunteer_service_hours',
    name: '志愿服务时长',
    description: 'Hours of service recorded by registered volunteers.',
    unit: 'hours',
  },
];
