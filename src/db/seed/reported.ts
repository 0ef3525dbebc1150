/**
 * Every record and figure the seed articles report (China Philanthropy Times and the Ministry of
 * Civil Affairs, Nov–Dec 2020), with the article it comes from. Aggregates stay aggregates:
 * nothing here is invented to fill one in. Amounts are yuan with fen, as exact strings.
 */

export interface ReportedSource {
  key: string;
  title: string;
  publisher: string;
  publishedOn: string;
}

export interface ReportedOrganization {
  key: string;
  name: string;
  type: 'ENTERPRISE' | 'FOUNDATION' | 'OTHER';
  /** GB/T 4754 section, where the article places the organization in one */
  industry: string | null;
  source: string;
}

export interface ReportedDonation {
  key: string;
  donor: string;
  total: string;
  /** 现金及有价证券, where the article gives it; in kind is then total − cash */
  cash: string | null;
  inKindDescription: string | null;
  source: string;
}

export interface ReportedMetric {
  key: string;
  indicator: string;
  periodStart: string;
  periodEnd: string;
  value: string | null;
  valueQualifier: 'EXACT' | 'AT_LEAST' | 'APPROXIMATE';
  target: string | null;
  source: string;
}

export const reportedSources: ReportedSource[] = [
  {
    key: 'training-target-news',
    title: '发展社区社会组织,民政部推出四大计划,2023年社区社工人才培训达到245万人次',
    publisher: '公益时报',
    publishedOn: '2020-12-08',
  },
  {
    key: 'special-action-plan',
    title: '民政部办公厅关于印发《培育发展社区社会组织专项行动方案(2021-2023年)》的通知',
    publisher: '民政部',
    publishedOn: '2020-12-07',
  },
  {
    key: 'epidemic-enterprise-donations',
    title: '抗疫企业捐赠真实数据来了,112家企业捐赠近100亿元,互联网相关企业仅8家',
    publisher: '公益时报',
    publishedOn: '2020-12-01',
  },
  {
    key: 'patriotic-health-purchase',
    title: '政府购买服务又增加一项新内容,社会组织、社工和志愿者可以承接',
    publisher: '公益时报',
    publishedOn: '2020-11-30',
  },
  {
    key: 'foundation-forum-2020',
    title: '6天26场活动,中国基金会发展论坛2020年会成功举办!',
    publisher: '公益时报网转载(原出处未注明)',
    publishedOn: '2020-11-27',
  },
  {
    key: 'infrastructure-scan-report',
    title: '《中国公益慈善基础设施扫描报告》发布',
    publisher: '敦和基金会',
    publishedOn: '2020-11-25',
  },
  {
    key: 'poverty-alleviation-since-2017',
    title: '2017年以来我国共有6万多家社会组织开展脱贫攻坚活动,投入资金超过900亿元',
    publisher: '公益时报网转载(原出处未注明)',
    publishedOn: '2020-11-23',
  },
  {
    key: 'grassroots-governance',
    title: '民政部副部长詹成付:提高基层治理水平——学习党的十九届五中全会《建议》体会',
    publisher: '民政部',
    publishedOn: '2020-11-19',
  },
];

const DONATIONS = 'epidemic-enterprise-donations';

/** The enterprises the donations article names; industry C where it calls them manufacturers of goods they gave. */
export const reportedOrganizations: ReportedOrganization[] = [
  ['mengniu', '内蒙古蒙牛乳业(集团)股份有限公司', 'C'],
  ['evergrande', '恒大集团有限公司', null],
  ['bosideng', '波司登羽绒服装有限公司', 'C'],
  ['china-merchants-group', '招商局集团有限公司', null],
  ['ccb', '中国建设银行股份有限公司', 'J'],
  ['yili', '内蒙古伊利实业集团股份有限公司', 'C'],
  ['icbc', '中国工商银行股份有限公司', 'J'],
  ['pep', '人民教育出版社有限公司', 'R'],
  ['liby', '广州立白企业集团有限公司', 'C'],
  ['cmb', '招商银行股份有限公司', 'J'],
  ['feihe', '黑龙江飞鹤乳业有限公司', 'C'],
  ['meituan', '汉海信息技术(上海)有限公司(美团点评)', 'I'],
  ['country-garden', '碧桂园控股有限公司', null],
  ['abc', '中国农业银行股份有限公司', 'J'],
  ['midea', '美的集团股份有限公司', 'C'],
  ['united-imaging', '上海联影医疗科技有限公司', 'C'],
  ['sansure', '圣湘生物科技股份有限公司', 'C'],
  ['kuaishou', '北京快手科技有限公司', 'I'],
  ['netease', '网易(杭州)网络有限公司', 'I'],
  ['weibo', '北京微梦创科网络技术有限公司(微博)', 'I'],
  ['china-mobile', '中国移动通信集团有限公司', 'I'],
  ['china-telecom-anhui', '中国电信股份有限公司安徽分公司', 'I'],
  ['sichuang', '思创数码科技股份有限公司', 'I'],
  ['lenovo', '联想(北京)有限公司', 'I'],
  ['junlebao', '石家庄君乐宝乳业有限公司', 'C'],
  ['ausnutria', '澳优乳业股份有限公司', 'C'],
  ['mead-johnson', '美赞臣营养品(中国)有限公司', 'C'],
].map(([key, name, industry]) => ({
  key: key!,
  name: name!,
  type: 'ENTERPRISE' as const,
  industry: industry ?? null,
  source: DONATIONS,
}));

/**
 * The named COVID-19 donations, verified by receipts for the 11th China Charity Award and
 * completed by 2020-06-20. Banks and others named only by range have no row here.
 */
export const reportedDonations: ReportedDonation[] = [
  ['mengniu', '740000000.00', '32000000.00', '牛奶等乳制品,1400余万箱牛奶送到抗疫一线'],
  ['evergrande', '635327400.00', null, null],
  ['bosideng', '300056100.00', null, '15万件羽绒服,总价值3亿元'],
  ['yili', '259560700.00', '67179000.00', null],
  ['pep', '210900000.00', '0.00', '数字教材等数字资源和应用服务(含人教数字出版有限公司)'],
  ['liby', '200000000.00', '0.00', '消毒除菌产品,配送至363座城市的200所定点收治医院'],
  ['feihe', '200000000.00', '100000000.00', null],
  ['meituan', '200000000.00', null, null],
  ['kuaishou', '114215900.00', null, null],
  ['united-imaging', '110000000.00', '0.00', '高端医学影像设备、相关服务及医用防护物资'],
  ['sansure', '105100000.00', '0.00', '新冠核酸检测试剂等疫情防控应急物资'],
  ['junlebao', '103731000.00', '6000000.00', null],
  ['midea', '100000000.00', '0.00', '向湖北疫区捐赠的医疗物资(另向各地捐赠的家电等物资未计价)'],
  ['netease', '77449200.00', null, null],
  ['ausnutria', '72069300.00', '2000000.00', null],
  ['mead-johnson', '52197800.00', '5552000.00', null],
  ['china-mobile', '50000000.00', null, null],
  ['china-telecom-anhui', '46005000.00', null, null],
  ['sichuang', '44500000.00', null, null],
  ['weibo', '43640000.00', null, null],
  ['lenovo', '28775800.00', null, null],
].map(([donor, total, cash, inKindDescription]) => ({
  key: `epidemic-2020:${donor}`,
  donor: donor!,
  total: total!,
  cash: cash ?? null,
  inKindDescription: inKindDescription ?? null,
  source: DONATIONS,
}));

type MetricTuple = [string, string, string, string | null, ReportedMetric['valueQualifier'], string | null, string];

/**
 * National aggregates. A period is what the article states ("since 2017", "by 2023", the
 * forum's six days); for a stock cited without one (national scale) it is the article's date,
 * and for COVID-19 giving it runs from 2020-01-01 to the cut-off the article names.
 */
export const reportedMetrics: ReportedMetric[] = (
  [
    [
      'community_social_work_training_person_times',
      '2021-01-01',
      '2023-12-31',
      null,
      'EXACT',
      '2450000',
      'special-action-plan',
    ],
    ['epidemic_enterprise_candidates', '2020-01-01', '2020-06-20', '139', 'EXACT', null, DONATIONS],
    ['epidemic_enterprise_donors_10m_plus', '2020-01-01', '2020-06-20', '112', 'EXACT', null, DONATIONS],
    ['epidemic_enterprise_donors_10m_to_100m', '2020-01-01', '2020-06-20', '80', 'EXACT', null, DONATIONS],
    ['epidemic_enterprise_donors_100m_plus', '2020-01-01', '2020-06-20', '32', 'EXACT', null, DONATIONS],
    ['epidemic_enterprise_donors_200m_plus', '2020-01-01', '2020-06-20', '10', 'EXACT', null, DONATIONS],
    ['epidemic_enterprise_donation_total', '2020-01-01', '2020-06-20', '9277959200.00', 'EXACT', null, DONATIONS],
    ['epidemic_enterprise_donation_cash', '2020-01-01', '2020-06-20', '5157193800.00', 'EXACT', null, DONATIONS],
    ['epidemic_enterprise_donation_in_kind', '2020-01-01', '2020-06-20', '4120765400.00', 'EXACT', null, DONATIONS],
    ['epidemic_enterprise_donation_in_kind_share', '2020-01-01', '2020-06-20', '0.4441', 'EXACT', null, DONATIONS],
    ['epidemic_enterprise_donors_without_cash', '2020-01-01', '2020-06-20', '18', 'EXACT', null, DONATIONS],
    [
      'epidemic_enterprise_donation_without_cash_total',
      '2020-01-01',
      '2020-06-20',
      '1419721800.00',
      'EXACT',
      null,
      DONATIONS,
    ],
    ['epidemic_enterprise_donors_it', '2020-01-01', '2020-06-20', '8', 'EXACT', null, DONATIONS],
    ['epidemic_social_donation_funds', '2020-01-01', '2020-05-31', '38930000000.00', 'APPROXIMATE', null, DONATIONS],
    ['epidemic_social_donation_items', '2020-01-01', '2020-05-31', '990000000', 'APPROXIMATE', null, DONATIONS],
    [
      'poverty_alleviation_organizations',
      '2017-01-01',
      '2020-11-23',
      '60000',
      'AT_LEAST',
      null,
      'poverty-alleviation-since-2017',
    ],
    [
      'poverty_alleviation_projects',
      '2017-01-01',
      '2020-11-23',
      '100000',
      'AT_LEAST',
      null,
      'poverty-alleviation-since-2017',
    ],
    [
      'poverty_alleviation_funds',
      '2017-01-01',
      '2020-11-23',
      '90000000000.00',
      'AT_LEAST',
      null,
      'poverty-alleviation-since-2017',
    ],
    ['china_foundation_forum_main_sessions', '2020-11-22', '2020-11-27', '2', 'EXACT', null, 'foundation-forum-2020'],
    [
      'china_foundation_forum_parallel_sessions',
      '2020-11-22',
      '2020-11-27',
      '20',
      'EXACT',
      null,
      'foundation-forum-2020',
    ],
    ['china_foundation_forum_carnival_events', '2020-11-22', '2020-11-27', '4', 'EXACT', null, 'foundation-forum-2020'],
    [
      'china_foundation_forum_institutions',
      '2020-11-22',
      '2020-11-27',
      '1600',
      'AT_LEAST',
      null,
      'foundation-forum-2020',
    ],
    [
      'china_foundation_forum_registrants',
      '2020-11-22',
      '2020-11-27',
      '2100',
      'AT_LEAST',
      null,
      'foundation-forum-2020',
    ],
    [
      'china_foundation_forum_initiative_foundations',
      '2020-01-01',
      '2020-06-30',
      '233',
      'EXACT',
      null,
      'foundation-forum-2020',
    ],
    ['registered_social_organizations', '2020-11-19', '2020-11-19', '878000', 'EXACT', null, 'grassroots-governance'],
    ['national_level_social_organizations', '2020-11-19', '2020-11-19', '2300', 'EXACT', null, 'grassroots-governance'],
    ['social_work_professionals', '2020-11-19', '2020-11-19', '1490000', 'APPROXIMATE', null, 'grassroots-governance'],
    ['certified_social_workers', '2020-11-19', '2020-11-19', '535000', 'EXACT', null, 'grassroots-governance'],
    ['social_work_posts', '2020-11-19', '2020-11-19', '440000', 'AT_LEAST', null, 'grassroots-governance'],
    ['registered_volunteers', '2020-11-19', '2020-11-19', '182000000', 'EXACT', null, 'grassroots-governance'],
    ['volunteer_service_hours', '2020-11-19', '2020-11-19', '2420000000', 'EXACT', null, 'grassroots-governance'],
  ] satisfies MetricTuple[]
).map(([indicator, periodStart, periodEnd, value, valueQualifier, target, source]) => ({
  key: `${indicator}:${periodEnd}`,
  indicator,
  periodStart,
  periodEnd,
  value,
  valueQualifier,
  target,
  source,
}));
