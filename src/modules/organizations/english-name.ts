import { ORGANIZATION_NAMES } from '../../db/reference/organization-names';
import { romanize } from '../search/spelling';

/** Legal forms and kinds that end Chinese organization names, longest first, with their English. */
const ENDINGS: readonly (readonly [string, string])[] = [
  ['股份有限公司', 'Co., Ltd.'],
  ['有限责任公司', 'Co., Ltd.'],
  ['有限公司', 'Co., Ltd.'],
  ['分公司', 'Branch'],
  ['(集团)', '(Group)'],
  ['集团', 'Group'],
  ['慈善基金会', 'Charity Foundation'],
  ['基金会', 'Foundation'],
  ['慈善总会', 'Charity Federation'],
  ['联合会', 'Federation'],
  ['促进会', 'Promotion Association'],
  ['研究会', 'Research Society'],
  ['协会', 'Association'],
  ['商会', 'Chamber of Commerce'],
  ['服务中心', 'Service Center'],
  ['中心', 'Center'],
];

/**
 * An organization's name in English: the English name it uses itself where
 * src/db/reference/organization-names.ts records one; else its name in pinyin (romanize) with the
 * legal form and kind at its end translated, at most two of them (集团有限公司 → Group Co., Ltd.).
 */
export function organizationNameEn(name: string): string {
  const known = ORGANIZATION_NAMES[name];
  if (known) return known.en;
  let rest = name.trim();
  const endings: string[] = [];
  for (let i = 0; i < 2; i++) {
    const ending = ENDINGS.find(([zh]) => rest.endsWith(zh) && rest.length > zh.length);
    if (!ending) break;
    rest = rest.slice(0, -ending[0].length);
    endings.unshift(ending[1]);
  }
  return [romanize(rest), ...endings].join(' ');
}

/** The short name (简称) people search an organization by, where one is recorded. */
export function organizationShortName(name: string): string | null {
  return ORGANIZATION_NAMES[name]?.short ?? null;
}
