import { romanize } from '../search/spelling';

/**
 * Names whose English is customary rather than the rule's (Shaanxi tells 陕西 from 山西), and
 * the placeholders and few divisions named by what they are rather than by a place.
 */
const CUSTOMARY: Readonly<Record<string, string>> = {
  内蒙古自治区: 'Inner Mongolia Autonomous Region',
  西藏自治区: 'Tibet Autonomous Region',
  陕西省: 'Shaanxi',
  香港特别行政区: 'Hong Kong Special Administrative Region',
  澳门特别行政区: 'Macao Special Administrative Region',
  市辖区: 'Districts',
  中沙群岛的岛礁及其海域: 'Zhongsha Islands, their reefs and waters',
};

/** What a name ends with, longest first, in English; 省 and 市 are dropped, as places name themselves (Hebei, Hangzhou). */
const SUFFIXES: readonly (readonly [string, string])[] = [
  ['自治区直辖县级行政区划', 'County-level divisions administered by the autonomous region'],
  ['省直辖县级行政区划', 'County-level divisions administered by the province'],
  ['特别行政区', 'Special Administrative Region'],
  ['行政委员会', 'Administrative Committee'],
  ['管委会', 'Administrative Committee'],
  ['自治区', 'Autonomous Region'],
  ['自治州', 'Autonomous Prefecture'],
  ['自治县', 'Autonomous County'],
  ['自治旗', 'Autonomous Banner'],
  ['地区', 'Prefecture'],
  ['林区', 'Forestry District'],
  ['新区', 'New Area'],
  ['新城', 'New City'],
  ['矿区', 'Mining District'],
  ['特区', 'Special District'],
  ['群岛', 'Islands'],
  ['省', ''],
  ['市', ''],
  ['区', 'District'],
  ['县', 'County'],
  ['旗', 'Banner'],
  ['盟', 'League'],
];

/** Ethnic groups named in autonomous areas, by their Chinese name, in the English the State Council uses; others in pinyin. */
const ETHNIC: Readonly<Record<string, string>> = {
  蒙古: 'Mongolian',
  藏: 'Tibetan',
  维吾尔: 'Uygur',
  朝鲜: 'Korean',
  哈萨克: 'Kazak',
  柯尔克孜: 'Kirgiz',
  塔吉克: 'Tajik',
  俄罗斯: 'Russian',
  满: 'Manchu',
  布依: 'Bouyei',
  达斡尔: 'Daur',
  布朗: 'Blang',
  撒拉: 'Salar',
  仡佬: 'Gelao',
  锡伯: 'Xibe',
  鄂温克: 'Ewenki',
  保安: 'Bonan',
  裕固: 'Yugur',
  独龙: 'Derung',
  鄂伦春: 'Oroqen',
  壮: 'Zhuang',
  回: 'Hui',
  苗: 'Miao',
  彝: 'Yi',
  侗: 'Dong',
  瑶: 'Yao',
  白: 'Bai',
  土家: 'Tujia',
  哈尼: 'Hani',
  傣: 'Dai',
  黎: 'Li',
  傈僳: 'Lisu',
  佤: 'Va',
  畲: 'She',
  拉祜: 'Lahu',
  水: 'Shui',
  东乡: 'Dongxiang',
  纳西: 'Naxi',
  景颇: 'Jingpo',
  土: 'Tu',
  仫佬: 'Mulao',
  羌: 'Qiang',
  毛南: 'Maonan',
  普米: 'Pumi',
  怒: 'Nu',
  京: 'Gin',
  各: 'Multi-ethnic',
};
const ETHNIC_BY_LENGTH = Object.keys(ETHNIC).sort((a, b) => b.length - a.length);

/**
 * A GB/T 2260 division's name in English: the place in pinyin (romanize), then its kind
 * translated (自治州 → Autonomous Prefecture, 县 → County; 省 and 市 dropped), the ethnic groups of
 * an autonomous area between them (恩施土家族苗族自治州 → Enshi Tujia Miao Autonomous Prefecture,
 * 鄂伦春自治旗 → Oroqen Autonomous Banner);
 * a few names are customary (内蒙古自治区 → Inner Mongolia Autonomous Region, 陕西省 → Shaanxi).
 * A placeholder written `<parent>-<placeholder>` is named by its placeholder.
 */
export function regionNameEn(name: string): string {
  const own = name.includes('-') ? name.slice(name.lastIndexOf('-') + 1) : name;
  const customary = CUSTOMARY[own];
  if (customary) return customary;
  const suffix = SUFFIXES.find(([zh]) => own.endsWith(zh) && (own.length > zh.length || zh.length > 3));
  let place = suffix ? own.slice(0, own.length - suffix[0].length) : own;
  const groups: string[] = [];
  if (suffix?.[0].startsWith('自治')) {
    for (;;) {
      const group = ETHNIC_BY_LENGTH.find((g) => place.endsWith(`${g}族`) || (g.length > 1 && place.endsWith(g)));
      if (group === undefined) break;
      place = place.slice(0, place.lastIndexOf(group));
      groups.unshift(ETHNIC[group]!);
    }
  }
  return [romanize(place), ...groups, suffix?.[1] ?? ''].filter(Boolean).join(' ');
}
