/**
 * Every record and figure of the seed articles that belongs to the API's domains (China
 * Philanthropy Times and the Ministry of Civil Affairs, Nov–Dec 2020), each with the article it
 * comes from and the sentence that states it (`quote`, verbatim). Aggregates stay aggregates and
 * bands stay bands: nothing here is invented to fill one in. What the articles do not state is
 * absent, or marked as inferred (an industry). Amounts are yuan with fen, as exact strings.
 */

export interface ReportedSource {
  key: string;
  title: string;
  /** as the article names it in its `(来源:…)` line; null where it names none */
  publisher: string | null;
  /** as the article names it; null where it names none */
  author: string | null;
  publishedOn: string;
}

export interface ReportedOrganization {
  key: string;
  name: string;
  type: 'ENTERPRISE' | 'FOUNDATION' | 'GOVERNMENT_AGENCY' | 'OTHER';
  /** GB/T 4754 section, where the article places the organization in one or it is inferred (below) */
  industry: string | null;
  /** true where this dataset assigned the section from what the article says of the organization (its name, its goods) */
  industryInferred: boolean;
  /** the organization's key whose branch (分公司) this one is: a branch is not a legal person */
  legalPerson: string | null;
  source: string;
  quote: string;
}

export interface ReportedDonation {
  key: string;
  /** an organization's key, or null where the article names the givers only as a group (`donorName`) */
  donor: string | null;
  donorName: string | null;
  total: string;
  /** 现金及有价证券, where the article gives it; in kind is then total − cash */
  cash: string | null;
  inKindDescription: string | null;
  status: 'VERIFIED' | 'DELIVERED';
  deliveredOn: string | null;
  source: string;
  quote: string;
}

export interface ReportedProject {
  key: string;
  name: string;
  organization: string;
  category:
    | 'PATRIOTIC_HEALTH'
    | 'EPIDEMIC_RESPONSE'
    | 'CAPACITY_BUILDING'
    | 'NEIGHBOURHOOD_CARE'
    | 'COMMUNITY_CONSULTATION'
    | 'COMMUNITY_SAFETY'
    | 'CULTURE'
    | 'OTHER';
  fundingChannel: 'GOVERNMENT_PURCHASE' | 'OTHER';
  status: 'PLANNED' | 'ACTIVE';
  startsOn: string | null;
  endsOn: string | null;
  /** yuan: the fund's size where the article gives one */
  budget: string | null;
  source: string;
  quote: string;
}

export interface ReportedMetric {
  key: string;
  indicator: string;
  /** an organization's key for an organization-scoped metric */
  organization: string | null;
  /** a GB/T 2260 code for a region-scoped metric */
  regionCode: string | null;
  periodStart: string;
  periodEnd: string;
  value: string | null;
  valueQualifier: 'EXACT' | 'AT_LEAST' | 'APPROXIMATE';
  target: string | null;
  source: string;
  quote: string;
}

const TRAINING = 'training-target-news';
const PLAN = 'special-action-plan';
const DONATIONS = 'epidemic-enterprise-donations';
const PATRIOTIC_HEALTH = 'patriotic-health-purchase';
const FORUM = 'foundation-forum-2020';
const INFRASTRUCTURE = 'infrastructure-scan-report';
const POVERTY = 'poverty-alleviation-since-2017';
const GOVERNANCE = 'grassroots-governance';

/** The eight articles, newest first; publishers and authors only where the article names them. */
export const reportedSources: ReportedSource[] = [
  {
    key: TRAINING,
    title: '发展社区社会组织,民政部推出四大计划,2023年社区社工人才培训达到245万人次',
    publisher: '公益时报',
    author: '王勇',
    publishedOn: '2020-12-08',
  },
  {
    key: PLAN,
    title: '民政部办公厅关于印发《培育发展社区社会组织专项行动方案(2021-2023年)》的通知',
    publisher: '民政部门户网站',
    author: null,
    publishedOn: '2020-12-07',
  },
  {
    key: DONATIONS,
    title: '抗疫企业捐赠真实数据来了,112家企业捐赠近100亿元,互联网相关企业仅8家',
    publisher: '公益时报',
    author: null,
    publishedOn: '2020-12-01',
  },
  {
    key: PATRIOTIC_HEALTH,
    title: '政府购买服务又增加一项新内容,社会组织、社工和志愿者可以承接',
    publisher: '公益时报',
    author: null,
    publishedOn: '2020-11-30',
  },
  {
    key: FORUM,
    title: '6天26场活动,中国基金会发展论坛2020年会成功举办!',
    publisher: null,
    author: null,
    publishedOn: '2020-11-27',
  },
  {
    key: INFRASTRUCTURE,
    title: '《中国公益慈善基础设施扫描报告》发布',
    publisher: '敦和基金会',
    author: null,
    publishedOn: '2020-11-25',
  },
  {
    key: POVERTY,
    title: '2017年以来我国共有6万多家社会组织开展脱贫攻坚活动,投入资金超过900亿元',
    publisher: null,
    author: null,
    publishedOn: '2020-11-23',
  },
  {
    key: GOVERNANCE,
    title: '民政部副部长詹成付:提高基层治理水平——学习党的十九届五中全会《建议》体会',
    publisher: null,
    author: '詹成付',
    publishedOn: '2020-11-19',
  },
];

const TOP_THREE =
  '1亿元以上的32家中,内蒙古蒙牛乳业(集团)股份有限公司捐赠总额为7.4亿元;恒大集团有限公司捐赠总额为6.353274亿元;波司登羽绒服装有限公司捐赠总额为3.000561亿元。';
const TEN_ABOVE_200M =
  '招商局集团有限公司、中国建设银行股份有限公司、内蒙古伊利实业集团股份有限公司、中国工商银行股份有限公司 、人民教育出版社有限公司 、广州立白企业集团有限公司 、招商银行股份有限公司、黑龙江飞鹤乳业有限公司、汉海信息技术(上海)有限公司(美团点评)、碧桂园控股有限公司10家企业的捐赠额在2亿元以上。';
const NINETEEN_ABOVE_100M = '还有中国农业银行股份有限公司等19家企业的捐赠总额在1亿元以上。';
const INTERNET =
  '其中一般意义上人们认为的互联网企业包括,汉海信息技术(上海)有限公司(美团点评)捐赠总额2亿元;北京快手科技有限公司捐赠总额1.142159亿元;网易(杭州)网络有限公司捐赠总额7744.92万元;北京微梦创科网络技术有限公司(微博)捐赠总额4364万元。';
const FOUR_MORE_IT =
  '还有4家分别是中国移动通信集团有限公司5000万元,中国电信股份有限公司安徽分公司4600.50万元,思创数码科技股份有限公司4450万元,联想(北京)有限公司2877.58万元。';
const DAIRY = '此次疫情捐赠中,乳品企业的表现特别突出,其表现为捐赠总额高,且以自身产品为主。';
const BYTEDANCE_FUND =
  '此外,在补充推荐的疫情慈善项目中,可以看到字节跳动和和中国红十字基金会联合设立的字节跳动医务工作者人道救助基金的筹款规模达到4.36亿元。';
const MIDEA = '美的集团股份有限公司向湖北疫区捐赠价值1亿元医疗物资,此外还有向各地捐赠的家电等物资。';
const PLAN_FOUR = '社区社会组织专项行动包括培育发展、能力提升、作用发挥、规范管理四大计划。';
const FORUM_SPEAKERS =
  '本次年会以“因势聚力,协创未来——变局挑战中的基金会”为主题,采用线上线下结合的方式举办,由2场主论坛、20场平行论坛、4场嘉年华活动构成,汇聚近200名国内外跨行业专家、学者和嘉宾,围绕变局时代的社会转型、基金会行业的应对与协作、行业良性生态建设,交流观点、碰撞思想,探讨基金会在内的公益慈善行业突破发展和协同应变之道。';
const FORUM_REACH =
  '为期六天的年会,直接吸引全国各地关心基金会和公益事业发展的1600多家机构2100多人预约报名,年会开幕和闭幕主论坛在凤凰网公益频道独家直播,浏览量合计超过60万人次。';
const FORUM_PARALLEL =
  '除了南京之外,另有10场平行论坛分别在北京、上海、武汉、温州、福州、广州、深圳设置线下会场,其余9场平行论坛适应新形势采用云端连线方式进行。';
const FORUM_CHAIR =
  '在年会闭幕仪式上,浙江省微笑明天慈善基金会正式从上海紫江公益基金会手中接过基金会论坛接力棒,成为中国基金会发展论坛2021年度轮值主席。';
const INFRASTRUCTURE_MAKERS = '《报告》由资助者圆桌论坛、南都基金会、敦和基金会联合出品';
const POVERTY_HEADLINE =
  '2017年以来,全国共有6万多家社会组织开展脱贫攻坚活动,实施项目超过10万个,投入资金超过900亿元,很好地发挥了社会力量的重要补充作用。';
const POVERTY_SUPPORT =
  '全国共有2004万建档立卡贫困人口纳入低保或特困人员救助供养范围,其中,纳入低保1852万人,纳入特困人员救助供养152万人。';
const DISABILITY = '困难残疾人生活补贴和重度残疾人护理补贴制度分别惠及困难残疾人1153万人、重度残疾人1433万人。';
const TWO_COUNTIES = '加大对江西省莲花县、遂川县两个定点扶贫县的产业帮扶力度,助力两县脱贫摘帽。';
const SCALE =
  '比如,全国基层工会组织已达280.9万个,拥有会员3亿多人,覆盖655.1万个单位;全国乡级妇联组织4万多个、村级妇联组织53.4万多个、社区妇联10.2万个;全国共青团基层组织344.1万个,团员7200.1万人;已经登记的社会组织已达87.8万个(其中,全国性社会组织2300个);全国市场主体共12339.5万个(其中企业3858.3万个、个体工商户8261万个、农民专业合作社220.1万户);全国社会工作专业人才总量接近149万人,持证社会工作者53.5万人,各地已开发设置社会工作岗位44万多个;全国注册志愿者已达1.82亿人,记录志愿服务时间24.2亿小时;等等。';
const CITIES = '目前,我国有293个地级市、965个市辖区、387个县级市';

type OrganizationTuple = [
  key: string,
  name: string,
  type: ReportedOrganization['type'],
  industry: string | null,
  industryInferred: boolean,
  source: string,
  quote: string,
  legalPerson?: string,
];

/**
 * The organizations the articles name. An industry is REPORTED only for the eight enterprises the
 * donations article puts in 信息传输、计算机服务和软件业 (section I today); the others' sections are
 * inferred from what the article says they gave or from their names (a bank is J), or absent.
 */
export const reportedOrganizations: ReportedOrganization[] = (
  [
    ['mengniu', '内蒙古蒙牛乳业(集团)股份有限公司', 'ENTERPRISE', 'C', true, DONATIONS, TOP_THREE],
    ['evergrande', '恒大集团有限公司', 'ENTERPRISE', null, false, DONATIONS, TOP_THREE],
    ['bosideng', '波司登羽绒服装有限公司', 'ENTERPRISE', 'C', true, DONATIONS, TOP_THREE],
    ['china-merchants-group', '招商局集团有限公司', 'ENTERPRISE', null, false, DONATIONS, TEN_ABOVE_200M],
    ['ccb', '中国建设银行股份有限公司', 'ENTERPRISE', 'J', true, DONATIONS, TEN_ABOVE_200M],
    ['yili', '内蒙古伊利实业集团股份有限公司', 'ENTERPRISE', 'C', true, DONATIONS, TEN_ABOVE_200M],
    ['icbc', '中国工商银行股份有限公司', 'ENTERPRISE', 'J', true, DONATIONS, TEN_ABOVE_200M],
    ['pep', '人民教育出版社有限公司', 'ENTERPRISE', 'R', true, DONATIONS, TEN_ABOVE_200M],
    ['liby', '广州立白企业集团有限公司', 'ENTERPRISE', 'C', true, DONATIONS, TEN_ABOVE_200M],
    ['cmb', '招商银行股份有限公司', 'ENTERPRISE', 'J', true, DONATIONS, TEN_ABOVE_200M],
    ['feihe', '黑龙江飞鹤乳业有限公司', 'ENTERPRISE', 'C', true, DONATIONS, TEN_ABOVE_200M],
    ['meituan', '汉海信息技术(上海)有限公司(美团点评)', 'ENTERPRISE', 'I', false, DONATIONS, INTERNET],
    ['country-garden', '碧桂园控股有限公司', 'ENTERPRISE', null, false, DONATIONS, TEN_ABOVE_200M],
    ['abc', '中国农业银行股份有限公司', 'ENTERPRISE', 'J', true, DONATIONS, NINETEEN_ABOVE_100M],
    ['midea', '美的集团股份有限公司', 'ENTERPRISE', 'C', true, DONATIONS, MIDEA],
    [
      'united-imaging',
      '上海联影医疗科技有限公司',
      'ENTERPRISE',
      'C',
      true,
      DONATIONS,
      '上海联影医疗科技有限公司捐赠了价值1.1亿元的高端医学影像设备、相关服务及医用防护物资。',
    ],
    [
      'sansure',
      '圣湘生物科技股份有限公司',
      'ENTERPRISE',
      'C',
      true,
      DONATIONS,
      '圣湘生物科技股份有限公司捐赠了新冠核酸检测试剂等价值1.051亿元的疫情防控应急物资。',
    ],
    ['kuaishou', '北京快手科技有限公司', 'ENTERPRISE', 'I', false, DONATIONS, INTERNET],
    ['netease', '网易(杭州)网络有限公司', 'ENTERPRISE', 'I', false, DONATIONS, INTERNET],
    ['weibo', '北京微梦创科网络技术有限公司(微博)', 'ENTERPRISE', 'I', false, DONATIONS, INTERNET],
    ['china-mobile', '中国移动通信集团有限公司', 'ENTERPRISE', 'I', false, DONATIONS, FOUR_MORE_IT],
    ['china-telecom', '中国电信股份有限公司', 'ENTERPRISE', null, false, DONATIONS, FOUR_MORE_IT],
    [
      'china-telecom-anhui',
      '中国电信股份有限公司安徽分公司',
      'ENTERPRISE',
      'I',
      false,
      DONATIONS,
      FOUR_MORE_IT,
      'china-telecom',
    ],
    ['sichuang', '思创数码科技股份有限公司', 'ENTERPRISE', 'I', false, DONATIONS, FOUR_MORE_IT],
    ['lenovo', '联想(北京)有限公司', 'ENTERPRISE', 'I', false, DONATIONS, FOUR_MORE_IT],
    ['junlebao', '石家庄君乐宝乳业有限公司', 'ENTERPRISE', 'C', true, DONATIONS, DAIRY],
    ['ausnutria', '澳优乳业股份有限公司', 'ENTERPRISE', 'C', true, DONATIONS, DAIRY],
    ['mead-johnson', '美赞臣营养品(中国)有限公司', 'ENTERPRISE', 'C', true, DONATIONS, DAIRY],
    ['bytedance', '字节跳动', 'ENTERPRISE', null, false, DONATIONS, BYTEDANCE_FUND],
    ['china-red-cross-foundation', '中国红十字基金会', 'FOUNDATION', null, false, DONATIONS, BYTEDANCE_FUND],
    ['ministry-of-civil-affairs', '民政部', 'GOVERNMENT_AGENCY', null, false, TRAINING, PLAN_FOUR],
    [
      'state-council',
      '国务院',
      'GOVERNMENT_AGENCY',
      null,
      false,
      PATRIOTIC_HEALTH,
      '11月27日,《国务院关于深入开展爱国卫生运动的意见》对外发布,《意见》明确提出,要通过政府购买服务等方式,支持社会组织、专业社会工作者和志愿者积极参与。',
    ],
    ['china-foundation-forum', '中国基金会发展论坛', 'OTHER', null, false, FORUM, FORUM_CHAIR],
    [
      'amity-foundation',
      '爱德基金会',
      'FOUNDATION',
      null,
      false,
      FORUM,
      '爱德基金会愿意承担更多行业责任,与其他社会组织一道,共同面对困难,推动行业更好更快地走出疫情影响。',
    ],
    ['zijiang-foundation', '上海紫江公益基金会', 'FOUNDATION', null, false, FORUM, FORUM_CHAIR],
    ['smile-tomorrow-foundation', '浙江省微笑明天慈善基金会', 'FOUNDATION', null, false, FORUM, FORUM_CHAIR],
    [
      'china-merchants-foundation',
      '招商局慈善基金会',
      'FOUNDATION',
      null,
      false,
      FORUM,
      '招商局慈善基金会常务副秘书长黄奕在“城市化进程中的公共品供给”平行论坛上介绍了基金会对社会治理议题的关注。',
    ],
    [
      'china-population-welfare-foundation',
      '中国人口福利基金会',
      'FOUNDATION',
      null,
      false,
      FORUM,
      '招商局慈善基金会携手中国人口福利基金会、上海交通大学、中国发展研究院等共同发起支持“流动的中国”研究网络,聚焦现代化和城市化进程中政府、市场、社会三者的关系构建,推动网络和公益行业产生更多、更深层次、更有意义的连接。',
    ],
    [
      'yongtai-rural-revival-foundation',
      '永泰县乡村复兴基金会',
      'FOUNDATION',
      null,
      false,
      FORUM,
      '*由永泰县乡村复兴基金会承办的“连接和创新:多元力量与乡村可持续发展”平行论坛在福州永泰青石寨举办。',
    ],
    [
      'china-development-research-foundation',
      '中国发展研究基金会',
      'FOUNDATION',
      null,
      false,
      FORUM,
      '面对全面建设社会主义现代化国家新征程,中国发展研究基金会副理事长卢迈强调,扎实推动共同富裕,其中一项非常重要的工作就是缩小社会差距,促进社会公平。',
    ],
    [
      'stiftung-mercator',
      '墨卡托基金会',
      'FOUNDATION',
      null,
      false,
      FORUM,
      '在年会闭幕主论坛上,墨卡托基金会执行董事米歇埃尔·施瓦茨表示,当我们的基金会做得很好的时候,就能辐射我们的正能量,和政府合作,和媒体合作,和小型的NGO合作,从而创造一个非常好的公益生态。',
    ],
    ['china-donors-roundtable', '资助者圆桌论坛', 'OTHER', null, false, INFRASTRUCTURE, INFRASTRUCTURE_MAKERS],
    ['narada-foundation', '南都公益基金会', 'FOUNDATION', null, false, INFRASTRUCTURE, INFRASTRUCTURE_MAKERS],
    ['dunhe-foundation', '敦和基金会', 'FOUNDATION', null, false, INFRASTRUCTURE, INFRASTRUCTURE_MAKERS],
  ] satisfies OrganizationTuple[]
).map(([key, name, type, industry, industryInferred, source, quote, legalPerson]) => ({
  key,
  name,
  type,
  industry,
  industryInferred,
  legalPerson: legalPerson ?? null,
  source,
  quote,
}));

type DonationTuple = [
  donor: string,
  total: string,
  cash: string | null,
  inKindDescription: string | null,
  quote: string,
];

/**
 * The named COVID-19 donations, verified by receipts for the 11th China Charity Award and
 * completed by 2020-06-20. Enterprises named only by range have no row here but a band metric;
 * Midea's row is the part the article values (the Hubei goods), not its whole gift.
 */
const epidemicDonations: ReportedDonation[] = (
  [
    ['mengniu', '740000000.00', '32000000.00', '牛奶等乳制品,1400余万箱牛奶送到抗疫一线', TOP_THREE],
    ['evergrande', '635327400.00', null, null, TOP_THREE],
    [
      'bosideng',
      '300056100.00',
      null,
      '15万件羽绒服,总价值3亿元',
      '其中比较典型的有,波司登羽绒服装有限公司面向全国抗疫一线工作人员捐赠15万件总价值3亿元的羽绒服。',
    ],
    [
      'yili',
      '259560700.00',
      '67179000.00',
      null,
      '其他乳品企业的疫情捐赠也大多与与蒙牛类似,例如,内蒙古伊利实业集团股份有限公司疫情防控期间捐赠总额2.595607亿元,其中现金及有价证券0.671790亿元。',
    ],
    [
      'pep',
      '210900000.00',
      '0.00',
      '数字教材等数字资源和应用服务(含人教数字出版有限公司)',
      '人民教育出版社及其所属人教数字出版有限公司向湖北省中小学师生免费提供为期四个月的数字教材等数字资源和应用服务,捐赠资源价值2.109亿元。',
    ],
    [
      'liby',
      '200000000.00',
      '0.00',
      '消毒除菌产品,配送至363座城市的200所定点收治医院',
      '广州立白企业集团有限公司捐赠2亿元消毒除菌产品,并配送至全国363座城市的200所定点收治医院。',
    ],
    [
      'feihe',
      '200000000.00',
      '100000000.00',
      null,
      '黑龙江飞鹤乳业有限公司疫情防控期间捐赠总额2亿元,其中现金及有价证券1亿元。',
    ],
    ['meituan', '200000000.00', null, null, INTERNET],
    ['kuaishou', '114215900.00', null, null, INTERNET],
    [
      'united-imaging',
      '110000000.00',
      '0.00',
      '高端医学影像设备、相关服务及医用防护物资',
      '上海联影医疗科技有限公司捐赠了价值1.1亿元的高端医学影像设备、相关服务及医用防护物资。',
    ],
    [
      'sansure',
      '105100000.00',
      '0.00',
      '新冠核酸检测试剂等疫情防控应急物资',
      '圣湘生物科技股份有限公司捐赠了新冠核酸检测试剂等价值1.051亿元的疫情防控应急物资。',
    ],
    [
      'junlebao',
      '103731000.00',
      '6000000.00',
      null,
      '石家庄君乐宝乳业有限公司疫情防控期间捐赠总额1.03731亿元,其中现金及有价证券仅600万元。',
    ],
    [
      'midea',
      '100000000.00',
      '0.00',
      '向湖北疫区捐赠的医疗物资;此记录只是美的捐赠的这一部分:另向各地捐赠的家电等物资文章未计价,不在其中',
      MIDEA,
    ],
    ['netease', '77449200.00', null, null, INTERNET],
    [
      'ausnutria',
      '72069300.00',
      '2000000.00',
      null,
      '澳优乳业股份有限公司疫情防控期间捐赠总额7206.93万元,其中现金及有价证券200万元。',
    ],
    [
      'mead-johnson',
      '52197800.00',
      '5552000.00',
      null,
      '美赞臣营养品(中国)有限公司疫情防控期间捐赠总额5219.78万元,其中现金及有价证券555.2万元。',
    ],
    ['china-mobile', '50000000.00', null, null, FOUR_MORE_IT],
    ['china-telecom-anhui', '46005000.00', null, null, FOUR_MORE_IT],
    ['sichuang', '44500000.00', null, null, FOUR_MORE_IT],
    ['weibo', '43640000.00', null, null, INTERNET],
    ['lenovo', '28775800.00', null, null, FOUR_MORE_IT],
  ] satisfies DonationTuple[]
).map(([donor, total, cash, inKindDescription, quote]) => ({
  key: `epidemic-2020:${donor}`,
  donor,
  donorName: null,
  total,
  cash,
  inKindDescription,
  status: 'VERIFIED' as const,
  deliveredOn: null,
  source: DONATIONS,
  quote,
}));

export const reportedDonations: ReportedDonation[] = [
  ...epidemicDonations,
  {
    key: 'wenzhou-botswana-2020',
    donor: null,
    donorName: '浙江温州的爱心企业和基金会',
    total: '900000.00',
    cash: '0.00',
    inKindDescription: '向博茨瓦纳捐赠的防疫物资',
    status: 'DELIVERED',
    deliveredOn: '2020-11-26',
    source: FORUM,
    quote:
      '乘势而为,迎接新格局新机遇 11月26日,一场简约的物资交接仪式在浙江温州举行,浙江温州的爱心企业和基金会向非洲国家博茨瓦纳捐赠价值90万元人民币的防疫物资。',
  },
];

const planProject = (
  key: string,
  name: string,
  category: ReportedProject['category'],
  quote: string,
): ReportedProject => ({
  key,
  name,
  organization: 'ministry-of-civil-affairs',
  category,
  fundingChannel: 'OTHER',
  status: 'PLANNED',
  startsOn: '2021-01-01',
  endsOn: '2023-12-31',
  budget: null,
  source: PLAN,
  quote,
});

/**
 * The 2021–2023 special action plan's four plans and the four activity series of 作用发挥; the
 * ByteDance fund the China Red Cross Foundation runs; the government-purchase item the State
 * Council's opinion on the patriotic health campaign opens. A funding channel the article does
 * not name is OTHER.
 */
export const reportedProjects: ReportedProject[] = [
  planProject('plan-cultivation', '社区社会组织培育发展计划', 'OTHER', '(一)实施社区社会组织培育发展计划。'),
  planProject('plan-capacity', '社区社会组织能力提升计划', 'CAPACITY_BUILDING', '(二)实施社区社会组织能力提升计划。'),
  planProject('plan-role', '社区社会组织作用发挥计划', 'OTHER', '(三)实施社区社会组织作用发挥计划。'),
  planProject('plan-management', '社区社会组织规范管理计划', 'OTHER', '(四)实施社区社会组织规范管理计划。'),
  planProject(
    'series-neighbourhood-care',
    '“邻里守望”系列社区志愿服务活动',
    'NEIGHBOURHOOD_CARE',
    '1.“邻里守望”系列社区志愿服务活动。',
  ),
  planProject(
    'series-consultation',
    '“共建共治共享”系列社区协商活动',
    'COMMUNITY_CONSULTATION',
    '2.“共建共治共享”系列社区协商活动。',
  ),
  planProject('series-safety', '“共创平安”系列社区治理活动', 'COMMUNITY_SAFETY', '3.“共创平安”系列社区治理活动。'),
  planProject('series-culture', '“文化铸魂”系列精神文明创建活动', 'CULTURE', '4.“文化铸魂”系列精神文明创建活动。'),
  {
    key: 'bytedance-medical-workers-fund',
    name: '字节跳动医务工作者人道救助基金',
    organization: 'china-red-cross-foundation',
    category: 'EPIDEMIC_RESPONSE',
    fundingChannel: 'OTHER',
    status: 'ACTIVE',
    startsOn: null,
    endsOn: null,
    budget: '436000000.00',
    source: DONATIONS,
    quote: BYTEDANCE_FUND,
  },
  {
    key: 'patriotic-health-government-purchase',
    name: '深入开展爱国卫生运动(政府购买服务,社会组织、专业社会工作者和志愿者可以承接)',
    organization: 'state-council',
    category: 'PATRIOTIC_HEALTH',
    fundingChannel: 'GOVERNMENT_PURCHASE',
    status: 'ACTIVE',
    startsOn: '2020-11-27',
    endsOn: null,
    budget: null,
    source: PATRIOTIC_HEALTH,
    quote: '通过政府购买服务等方式,支持社会组织、专业社会工作者和志愿者积极参与。',
  },
];

type MetricTuple = [
  indicator: string,
  periodStart: string,
  periodEnd: string,
  value: string | null,
  qualifier: ReportedMetric['valueQualifier'],
  source: string,
  quote: string,
  scope?: { organization?: string; regionCode?: string; target?: string },
];

const COVID = ['2020-01-01', '2020-06-20'] as const;
const FORUM_DAYS = ['2020-11-22', '2020-11-27'] as const;
const SINCE_2017 = ['2017-01-01', '2020-11-23'] as const;
const POVERTY_DAY = ['2020-11-23', '2020-11-23'] as const;
const SCALE_DAY = ['2020-11-19', '2020-11-19'] as const;

/**
 * The articles' figures. A period is what the article states ("since 2017", "by 2023", the
 * forum's six days, "the first half of this year"); a stock cited without one takes the article's
 * date, and COVID-19 giving runs from 2020-01-01 to the cut-off the article names. The bands of
 * the 32 enterprises at 100 million and above are as the article words them: 3 named with their
 * totals and 10 listed 在2亿元以上 (13 at 200 million and above), and 19 more 在1亿元以上.
 */
export const reportedMetrics: ReportedMetric[] = (
  [
    [
      'community_social_work_training_person_times',
      '2021-01-01',
      '2023-12-31',
      null,
      'EXACT',
      PLAN,
      '力争到2023年,全国普遍开展社区社会组织骨干人才培训,社区社会工作人才培训累计达到245万人次。',
      { target: '2450000' },
    ],
    [
      'epidemic_enterprise_candidates',
      ...COVID,
      '139',
      'EXACT',
      DONATIONS,
      '恰逢第十一届“中华慈善奖”候选对象进行网络投票,其中包括疫情捐赠企业139个。',
    ],
    [
      'epidemic_enterprise_donors_10m_plus',
      ...COVID,
      '112',
      'EXACT',
      DONATIONS,
      '112家企业捐赠近100亿元 139家企业中,捐赠额1000万元以上的112家。',
    ],
    [
      'epidemic_enterprise_donors_10m_to_100m',
      ...COVID,
      '80',
      'EXACT',
      DONATIONS,
      '139家企业中,捐赠额在1亿元以上的32家,捐赠额在1000万元至1亿元的80家。',
    ],
    [
      'epidemic_enterprise_donors_100m_plus',
      ...COVID,
      '32',
      'EXACT',
      DONATIONS,
      '139家企业中,捐赠额在1亿元以上的32家,捐赠额在1000万元至1亿元的80家。',
    ],
    ['epidemic_enterprise_donors_200m_plus', ...COVID, '13', 'EXACT', DONATIONS, TEN_ABOVE_200M],
    ['epidemic_enterprise_donors_100m_to_200m', ...COVID, '19', 'EXACT', DONATIONS, NINETEEN_ABOVE_100M],
    [
      'epidemic_enterprise_donation_total',
      ...COVID,
      '9277959200.00',
      'EXACT',
      DONATIONS,
      '112家企业共计捐赠92.779592亿元,其中现金及有价证券51.571938亿元。',
    ],
    [
      'epidemic_enterprise_donation_cash',
      ...COVID,
      '5157193800.00',
      'EXACT',
      DONATIONS,
      '112家企业共计捐赠92.779592亿元,其中现金及有价证券51.571938亿元。',
    ],
    [
      'epidemic_enterprise_donation_in_kind',
      ...COVID,
      '4120765400.00',
      'EXACT',
      DONATIONS,
      '112家企业捐赠总额为92.779592亿元,减去现金及有价证券51.571938亿元,可知非现金捐赠达到41.207654亿元,占总捐赠额的44.41%。',
    ],
    [
      'epidemic_enterprise_donation_in_kind_share',
      ...COVID,
      '0.4441',
      'EXACT',
      DONATIONS,
      '112家企业捐赠总额为92.779592亿元,减去现金及有价证券51.571938亿元,可知非现金捐赠达到41.207654亿元,占总捐赠额的44.41%。',
    ],
    [
      'epidemic_enterprise_donors_without_cash',
      ...COVID,
      '18',
      'EXACT',
      DONATIONS,
      '其中18家企业的现金及有价证券捐赠为0,但捐赠总额达到14.197218亿元,意味着他们的捐赠全部是物资。',
    ],
    [
      'epidemic_enterprise_donation_without_cash_total',
      ...COVID,
      '1419721800.00',
      'EXACT',
      DONATIONS,
      '其中18家企业的现金及有价证券捐赠为0,但捐赠总额达到14.197218亿元,意味着他们的捐赠全部是物资。',
    ],
    [
      'epidemic_enterprise_donors_it',
      ...COVID,
      '8',
      'EXACT',
      DONATIONS,
      '8家互联网相关企业 按照行业分类来看这112家企业,其中信息传输、计算机服务和软件业只有8家。',
    ],
    [
      'epidemic_social_donation_funds',
      '2020-01-01',
      '2020-05-31',
      '38930000000.00',
      'APPROXIMATE',
      DONATIONS,
      '国务院新闻办公室6月7日发布的《抗击新冠肺炎疫情的中国行动》白皮书显示,截至5月31日,累计接受社会捐赠资金约389.3亿元、物资约9.9亿件。',
    ],
    [
      'epidemic_social_donation_items',
      '2020-01-01',
      '2020-05-31',
      '990000000',
      'APPROXIMATE',
      DONATIONS,
      '国务院新闻办公室6月7日发布的《抗击新冠肺炎疫情的中国行动》白皮书显示,截至5月31日,累计接受社会捐赠资金约389.3亿元、物资约9.9亿件。',
    ],
    [
      'epidemic_enterprise_share_of_social_donation_funds',
      '2020-01-01',
      '2020-05-31',
      '0.125',
      'AT_LEAST',
      DONATIONS,
      '以此计算,仅这112家企业的捐赠资金就占到社会捐赠资金的八分之一以上。',
    ],
    ...(['china-merchants-group', 'ccb', 'icbc', 'cmb', 'country-garden'] as const).map((organization): MetricTuple => [
      'epidemic_enterprise_donation_at_least',
      ...COVID,
      '200000000.00',
      'AT_LEAST',
      DONATIONS,
      TEN_ABOVE_200M,
      { organization },
    ]),
    [
      'epidemic_enterprise_donation_at_least',
      ...COVID,
      '100000000.00',
      'AT_LEAST',
      DONATIONS,
      NINETEEN_ABOVE_100M,
      { organization: 'abc' },
    ],
    [
      'epidemic_enterprise_donation_at_least',
      ...COVID,
      '100000000.00',
      'AT_LEAST',
      DONATIONS,
      MIDEA,
      { organization: 'midea' },
    ],
    [
      'epidemic_enterprise_donation_in_kind_share_of_donor',
      ...COVID,
      '0.95',
      'AT_LEAST',
      DONATIONS,
      '最典型的是内蒙古蒙牛乳业(集团)股份有限公司,其疫情防控期间捐赠总额7.4亿元,其中仅0.32亿元为现金及有价证券,非现金捐赠占比在95%以上。',
      { organization: 'mengniu' },
    ],
    ['poverty_alleviation_organizations', ...SINCE_2017, '60000', 'AT_LEAST', POVERTY, POVERTY_HEADLINE],
    ['poverty_alleviation_projects', ...SINCE_2017, '100000', 'AT_LEAST', POVERTY, POVERTY_HEADLINE],
    ['poverty_alleviation_funds', ...SINCE_2017, '90000000000.00', 'AT_LEAST', POVERTY, POVERTY_HEADLINE],
    ['poor_population_under_basic_living_assistance', ...POVERTY_DAY, '20040000', 'EXACT', POVERTY, POVERTY_SUPPORT],
    ['poor_population_under_subsistence_allowance', ...POVERTY_DAY, '18520000', 'EXACT', POVERTY, POVERTY_SUPPORT],
    ['poor_population_under_extreme_poverty_support', ...POVERTY_DAY, '1520000', 'EXACT', POVERTY, POVERTY_SUPPORT],
    ['disability_living_allowance_recipients', ...POVERTY_DAY, '11530000', 'EXACT', POVERTY, DISABILITY],
    ['severe_disability_care_allowance_recipients', ...POVERTY_DAY, '14330000', 'EXACT', POVERTY, DISABILITY],
    [
      'civil_affairs_poverty_policy_measures',
      '2015-11-23',
      '2020-11-23',
      '97',
      'EXACT',
      POVERTY,
      '近五年来,出台民政领域脱贫攻坚政策措施97项,打出系列政策“组合拳”,夯实兜底保障制度基础。',
    ],
    [
      'assistance_funds_to_deeply_poor_areas',
      '2019-01-01',
      '2020-12-31',
      '15820000000.00',
      'EXACT',
      POVERTY,
      '中央财政安排的困难群众救助补助资金,连续多年向深度贫困地区倾斜,比如2019年、2020年新增的困难群众救助补助资金158.2亿元,全部安排到“三区三州”等深度贫困地区。',
    ],
    ...(['360321', '360827'] as const).map((regionCode): MetricTuple => [
      'ministry_designated_poverty_county',
      ...POVERTY_DAY,
      '1',
      'EXACT',
      POVERTY,
      TWO_COUNTIES,
      { regionCode },
    ]),
    [
      'china_foundation_forum_events',
      ...FORUM_DAYS,
      '26',
      'EXACT',
      FORUM,
      '6天26场活动,中国基金会发展论坛2020年会成功举办!',
    ],
    ['china_foundation_forum_main_sessions', ...FORUM_DAYS, '2', 'EXACT', FORUM, FORUM_SPEAKERS],
    ['china_foundation_forum_parallel_sessions', ...FORUM_DAYS, '20', 'EXACT', FORUM, FORUM_SPEAKERS],
    ['china_foundation_forum_parallel_sessions_offline', ...FORUM_DAYS, '11', 'EXACT', FORUM, FORUM_PARALLEL],
    ['china_foundation_forum_parallel_sessions_online', ...FORUM_DAYS, '9', 'EXACT', FORUM, FORUM_PARALLEL],
    ['china_foundation_forum_carnival_events', ...FORUM_DAYS, '4', 'EXACT', FORUM, FORUM_SPEAKERS],
    ['china_foundation_forum_speakers', ...FORUM_DAYS, '200', 'APPROXIMATE', FORUM, FORUM_SPEAKERS],
    ['china_foundation_forum_institutions', ...FORUM_DAYS, '1600', 'AT_LEAST', FORUM, FORUM_REACH],
    ['china_foundation_forum_registrants', ...FORUM_DAYS, '2100', 'AT_LEAST', FORUM, FORUM_REACH],
    ['china_foundation_forum_livestream_views', ...FORUM_DAYS, '600000', 'AT_LEAST', FORUM, FORUM_REACH],
    [
      'china_foundation_forum_initiative_foundations',
      '2020-01-01',
      '2020-06-30',
      '233',
      'EXACT',
      FORUM,
      '据中国基金会发展论坛2020年度轮值主席代表、上海紫江公益基金会秘书长陈琳介绍,今年上半年有233家国内基金会积极参与响应由中国基金会发展论坛发起的《中国基金会行业应对疫情防控常态化共同倡议》。',
    ],
    [
      'charity_infrastructure_common_needs',
      '2020-11-25',
      '2020-11-25',
      '18',
      'EXACT',
      INFRASTRUCTURE,
      '报告基于我国公益慈善事业的现实发展需求,结合国际相关研究成果,提出了研究中国公益慈善基础设施的思路框架,从促进资源要素,促进能力要素,以及促进资源与能力两要素良性互动的角度,梳理出18个共性需求点,并辅以具有启发性的中外实践案例。',
    ],
    ['grassroots_trade_unions', ...SCALE_DAY, '2809000', 'EXACT', GOVERNANCE, SCALE],
    ['trade_union_members', ...SCALE_DAY, '300000000', 'AT_LEAST', GOVERNANCE, SCALE],
    ['trade_union_covered_units', ...SCALE_DAY, '6551000', 'EXACT', GOVERNANCE, SCALE],
    ['township_womens_federations', ...SCALE_DAY, '40000', 'AT_LEAST', GOVERNANCE, SCALE],
    ['village_womens_federations', ...SCALE_DAY, '534000', 'AT_LEAST', GOVERNANCE, SCALE],
    ['community_womens_federations', ...SCALE_DAY, '102000', 'EXACT', GOVERNANCE, SCALE],
    ['youth_league_grassroots_organizations', ...SCALE_DAY, '3441000', 'EXACT', GOVERNANCE, SCALE],
    ['youth_league_members', ...SCALE_DAY, '72001000', 'EXACT', GOVERNANCE, SCALE],
    ['registered_social_organizations', ...SCALE_DAY, '878000', 'EXACT', GOVERNANCE, SCALE],
    ['national_level_social_organizations', ...SCALE_DAY, '2300', 'EXACT', GOVERNANCE, SCALE],
    ['market_entities', ...SCALE_DAY, '123395000', 'EXACT', GOVERNANCE, SCALE],
    ['market_entities_enterprises', ...SCALE_DAY, '38583000', 'EXACT', GOVERNANCE, SCALE],
    ['market_entities_individual_businesses', ...SCALE_DAY, '82610000', 'EXACT', GOVERNANCE, SCALE],
    ['market_entities_farmer_cooperatives', ...SCALE_DAY, '2201000', 'EXACT', GOVERNANCE, SCALE],
    ['social_work_professionals', ...SCALE_DAY, '1490000', 'APPROXIMATE', GOVERNANCE, SCALE],
    ['certified_social_workers', ...SCALE_DAY, '535000', 'EXACT', GOVERNANCE, SCALE],
    ['social_work_posts', ...SCALE_DAY, '440000', 'AT_LEAST', GOVERNANCE, SCALE],
    ['registered_volunteers', ...SCALE_DAY, '182000000', 'EXACT', GOVERNANCE, SCALE],
    ['volunteer_service_hours', ...SCALE_DAY, '2420000000', 'EXACT', GOVERNANCE, SCALE],
    ['prefecture_level_cities', ...SCALE_DAY, '293', 'EXACT', GOVERNANCE, CITIES],
    ['municipal_districts', ...SCALE_DAY, '965', 'EXACT', GOVERNANCE, CITIES],
    ['county_level_cities', ...SCALE_DAY, '387', 'EXACT', GOVERNANCE, CITIES],
    [
      'responsibility_letters_per_village_or_community',
      ...SCALE_DAY,
      '60',
      'AT_LEAST',
      GOVERNANCE,
      '比如,有的县级行政部门把农村村委会、城市社区居委会均视为其下属机构,向它们下压和摊派大量行政事务,且年初签订责任状、年终进行考核验收,有的村和社区一年签订的责任状竟多达60余份,导致基层干部不堪重负、消极应付,不少村和社区配备的工作人员少、经费保障不足,县级部门在把大量事务交下来的同时,并没有做到“权随责走、费随事转”,基层因无力承担,只好敷衍了事。',
    ],
  ] satisfies MetricTuple[]
).map(([indicator, periodStart, periodEnd, value, valueQualifier, source, quote, scope]) => {
  const about = scope?.organization ?? scope?.regionCode;
  return {
    key: about ? `${indicator}:${about}:${periodEnd}` : `${indicator}:${periodEnd}`,
    indicator,
    organization: scope?.organization ?? null,
    regionCode: scope?.regionCode ?? null,
    periodStart,
    periodEnd,
    value,
    valueQualifier,
    target: scope?.target ?? null,
    source,
    quote,
  };
});
