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
    description: 'Candidate enterprises that gave 100 million yuan and above (1亿元以上).',
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
    description:
      'Candidate enterprises that gave 200 million yuan and above: the three the article names first with their totals (Mengniu, Evergrande, Bosideng) and the ten it lists as 在2亿元以上.',
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
  {
    code: 'epidemic_enterprise_donors_100m_to_200m',
    name: '捐赠额1亿元以上(2亿元以下)的其余企业',
    description:
      'The further candidate enterprises of the 100-million-plus group that the article puts 在1亿元以上, after the 13 at 200 million and above (中国农业银行 among them).',
    unit: 'enterprises',
  },
  {
    code: 'epidemic_enterprise_share_of_social_donation_funds',
    name: '112家企业捐赠占社会捐赠资金的比例',
    description: "Share of society's donated funds (to 31 May 2020) that the 10-million-plus group's gifts make up.",
    unit: 'ratio',
  },
  {
    code: 'epidemic_enterprise_donation_at_least',
    name: '企业疫情捐赠额下限',
    description:
      "The least an enterprise's verified COVID-19 gift amounts to, where the article gives only its band (在2亿元以上) or values only part of it.",
    unit: 'yuan',
  },
  {
    code: 'epidemic_enterprise_donation_in_kind_share_of_donor',
    name: '单个企业非现金捐赠占比',
    description: "In-kind share of one enterprise's verified COVID-19 gift, as the article states it.",
    unit: 'ratio',
  },
  {
    code: 'poor_population_under_basic_living_assistance',
    name: '纳入低保或特困人员救助供养的建档立卡贫困人口',
    description:
      'Registered poor people (建档立卡) covered by subsistence allowances (低保) or extreme-poverty support (特困人员救助供养).',
    unit: 'people',
  },
  {
    code: 'poor_population_under_subsistence_allowance',
    name: '纳入低保的建档立卡贫困人口',
    description: 'Registered poor people covered by subsistence allowances (低保).',
    unit: 'people',
  },
  {
    code: 'poor_population_under_extreme_poverty_support',
    name: '纳入特困人员救助供养的建档立卡贫困人口',
    description: 'Registered poor people covered by extreme-poverty support (特困人员救助供养).',
    unit: 'people',
  },
  {
    code: 'disability_living_allowance_recipients',
    name: '困难残疾人生活补贴惠及人数',
    description: 'People with disabilities in difficulty who receive the living allowance (困难残疾人生活补贴).',
    unit: 'people',
  },
  {
    code: 'severe_disability_care_allowance_recipients',
    name: '重度残疾人护理补贴惠及人数',
    description: 'People with severe disabilities who receive the care allowance (重度残疾人护理补贴).',
    unit: 'people',
  },
  {
    code: 'civil_affairs_poverty_policy_measures',
    name: '民政领域脱贫攻坚政策措施',
    description: 'Poverty-alleviation policy measures issued in the civil-affairs field in the period.',
    unit: 'measures',
  },
  {
    code: 'assistance_funds_to_deeply_poor_areas',
    name: '新增困难群众救助补助资金(深度贫困地区)',
    description:
      'New central assistance funds for people in difficulty in the period, all allocated to deeply poor areas such as 三区三州.',
    unit: 'yuan',
  },
  {
    code: 'ministry_designated_poverty_county',
    name: '民政部定点扶贫县',
    description:
      '1 where the region is a county the Ministry of Civil Affairs is paired with for poverty alleviation (定点扶贫县).',
    unit: 'boolean',
  },
  {
    code: 'china_foundation_forum_events',
    name: '中国基金会发展论坛年会活动场次',
    description: 'Events of the China Foundation Forum annual meeting, all kinds.',
    unit: 'events',
  },
  {
    code: 'china_foundation_forum_parallel_sessions_offline',
    name: '中国基金会发展论坛年会线下平行论坛',
    description:
      "Parallel forums of the annual meeting held in a venue: Nanjing's and the 10 more in seven cities (另有10场…设置线下会场).",
    unit: 'sessions',
  },
  {
    code: 'china_foundation_forum_parallel_sessions_online',
    name: '中国基金会发展论坛年会云端平行论坛',
    description: 'Parallel forums of the annual meeting held online (云端连线).',
    unit: 'sessions',
  },
  {
    code: 'china_foundation_forum_speakers',
    name: '中国基金会发展论坛年会专家、学者和嘉宾',
    description: 'Experts, scholars and guests the annual meeting brought together.',
    unit: 'people',
  },
  {
    code: 'china_foundation_forum_livestream_views',
    name: '中国基金会发展论坛年会主论坛直播浏览量',
    description: 'Views of the live broadcast of the opening and closing main forums.',
    unit: 'views',
  },
  {
    code: 'charity_infrastructure_common_needs',
    name: '公益慈善基础设施共性需求点',
    description:
      "Common needs of the charity sector's infrastructure that the 中国公益慈善基础设施扫描报告 identifies.",
    unit: 'needs',
  },
  {
    code: 'grassroots_trade_unions',
    name: '基层工会组织',
    description: 'Grassroots trade-union organizations.',
    unit: 'organizations',
  },
  { code: 'trade_union_members', name: '工会会员', description: 'Members of the trade unions.', unit: 'people' },
  {
    code: 'trade_union_covered_units',
    name: '工会覆盖单位',
    description: 'Units the grassroots trade unions cover.',
    unit: 'units',
  },
  {
    code: 'township_womens_federations',
    name: '乡级妇联组织',
    description: "Township-level women's federations.",
    unit: 'organizations',
  },
  {
    code: 'village_womens_federations',
    name: '村级妇联组织',
    description: "Village-level women's federations.",
    unit: 'organizations',
  },
  {
    code: 'community_womens_federations',
    name: '社区妇联',
    description: "Community women's federations.",
    unit: 'organizations',
  },
  {
    code: 'youth_league_grassroots_organizations',
    name: '共青团基层组织',
    description: 'Grassroots organizations of the Communist Youth League.',
    unit: 'organizations',
  },
  {
    code: 'youth_league_members',
    name: '共青团员',
    description: 'Members of the Communist Youth League.',
    unit: 'people',
  },
  {
    code: 'market_entities',
    name: '市场主体',
    description: "Market entities: enterprises, individual businesses and farmers' cooperatives.",
    unit: 'entities',
  },
  {
    code: 'market_entities_enterprises',
    name: '市场主体中的企业',
    description: 'Enterprises among the market entities.',
    unit: 'entities',
  },
  {
    code: 'market_entities_individual_businesses',
    name: '个体工商户',
    description: 'Individual businesses (个体工商户) among the market entities.',
    unit: 'entities',
  },
  {
    code: 'market_entities_farmer_cooperatives',
    name: '农民专业合作社',
    description: "Farmers' specialized cooperatives among the market entities.",
    unit: 'entities',
  },
  { code: 'prefecture_level_cities', name: '地级市', description: 'Prefecture-level cities.', unit: 'cities' },
  { code: 'municipal_districts', name: '市辖区', description: 'Districts of cities.', unit: 'districts' },
  { code: 'county_level_cities', name: '县级市', description: 'County-level cities.', unit: 'cities' },
  {
    code: 'responsibility_letters_per_village_or_community',
    name: '村和社区一年签订的责任状',
    description:
      'Responsibility letters (责任状) a village or community signs with county departments in a year, where the source reports the most.',
    unit: 'letters per year',
  },
];
