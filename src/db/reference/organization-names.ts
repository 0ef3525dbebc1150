/**
 * The other names of the enterprises and foundations the seed articles name, keyed by the Chinese
 * name they are recorded under: `en`, the English name the organization itself uses (its annual
 * report, listing or website); `short`, the short name (简称) people search by. An organization
 * not listed here is named in English by the pinyin rule of src/modules/search/english-name.ts.
 */
export const ORGANIZATION_NAMES: Readonly<Record<string, { en: string; short?: string }>> = {
  '内蒙古蒙牛乳业(集团)股份有限公司': { en: 'Inner Mongolia Mengniu Dairy (Group) Co., Ltd.', short: '蒙牛' },
  恒大集团有限公司: { en: 'Evergrande Group', short: '恒大' },
  波司登羽绒服装有限公司: { en: 'Bosideng Down Apparel Co., Ltd.', short: '波司登' },
  招商局集团有限公司: { en: 'China Merchants Group', short: '招商局' },
  中国建设银行股份有限公司: { en: 'China Construction Bank Corporation', short: '建设银行' },
  内蒙古伊利实业集团股份有限公司: { en: 'Inner Mongolia Yili Industrial Group Co., Ltd.', short: '伊利' },
  中国工商银行股份有限公司: { en: 'Industrial and Commercial Bank of China Limited', short: '工商银行' },
  人民教育出版社有限公司: { en: "People's Education Press", short: '人教社' },
  广州立白企业集团有限公司: { en: 'Guangzhou Liby Enterprise Group Co., Ltd.', short: '立白' },
  招商银行股份有限公司: { en: 'China Merchants Bank Co., Ltd.', short: '招商银行' },
  黑龙江飞鹤乳业有限公司: { en: 'Heilongjiang Feihe Dairy Co., Ltd.', short: '飞鹤' },
  '汉海信息技术(上海)有限公司(美团点评)': {
    en: 'Hanhai Information Technology (Shanghai) Co., Ltd. (Meituan-Dianping)',
    short: '美团',
  },
  碧桂园控股有限公司: { en: 'Country Garden Holdings Company Limited', short: '碧桂园' },
  中国农业银行股份有限公司: { en: 'Agricultural Bank of China Limited', short: '农业银行' },
  美的集团股份有限公司: { en: 'Midea Group Co., Ltd.', short: '美的' },
  上海联影医疗科技有限公司: { en: 'Shanghai United Imaging Healthcare Co., Ltd.', short: '联影' },
  圣湘生物科技股份有限公司: { en: 'Sansure Biotech Inc.', short: '圣湘' },
  北京快手科技有限公司: { en: 'Beijing Kuaishou Technology Co., Ltd.', short: '快手' },
  '网易(杭州)网络有限公司': { en: 'NetEase (Hangzhou) Network Co., Ltd.', short: '网易' },
  '北京微梦创科网络技术有限公司(微博)': {
    en: 'Beijing Weimeng Chuangke Network Technology Co., Ltd. (Weibo)',
    short: '微博',
  },
  中国移动通信集团有限公司: { en: 'China Mobile Communications Group Co., Ltd.', short: '中国移动' },
  中国电信股份有限公司安徽分公司: { en: 'China Telecom Corporation Limited, Anhui Branch', short: '中国电信' },
  '联想(北京)有限公司': { en: 'Lenovo (Beijing) Co., Ltd.', short: '联想' },
  石家庄君乐宝乳业有限公司: { en: 'Shijiazhuang Junlebao Dairy Co., Ltd.', short: '君乐宝' },
  澳优乳业股份有限公司: { en: 'Ausnutria Dairy Corporation Ltd.', short: '澳优' },
  '美赞臣营养品(中国)有限公司': { en: 'Mead Johnson Nutrition (China) Co., Ltd.', short: '美赞臣' },
  北京字节跳动科技有限公司: { en: 'Beijing ByteDance Technology Co., Ltd.', short: '字节跳动' },
  字节跳动: { en: 'ByteDance', short: '字节跳动' },
  中国红十字基金会: { en: 'Chinese Red Cross Foundation', short: '红基会' },
  中国红十字会总会: { en: 'Red Cross Society of China', short: '红十字会' },
  敦和基金会: { en: 'Dunhe Foundation', short: '敦和' },
  南都公益基金会: { en: 'Narada Foundation', short: '南都' },
  爱德基金会: { en: 'Amity Foundation', short: '爱德' },
  招商局慈善基金会: { en: 'China Merchants Foundation' },
  中国人口福利基金会: { en: 'China Population Welfare Foundation' },
  中国发展研究基金会: { en: 'China Development Research Foundation' },
  墨卡托基金会: { en: 'Stiftung Mercator' },
  中国基金会发展论坛: { en: 'China Foundation Forum' },
  资助者圆桌论坛: { en: 'China Donor Roundtable' },
};
