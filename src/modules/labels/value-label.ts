import type { Language } from '../../generated/graphql';
import { DONATION_PURPOSE_NAMES, DONATION_STATUS_NAMES } from '../donations/value-names';
import { INDUSTRY_SECTIONS } from '../organizations/industry';
import { ORGANIZATION_TYPE_NAMES } from '../organizations/type-names';
import { EVALUATION_GRADE_NAMES, REGISTRATION_STATUS_NAMES } from '../organizations/value-names';
import type { RegionDirectory } from '../regions/directory';
import {
  DONATION_PURPOSE_NAMES_EN,
  DONATION_STATUS_NAMES_EN,
  EVALUATION_GRADE_NAMES_EN,
  INDUSTRY_SECTIONS_EN,
  ORGANIZATION_TYPE_NAMES_EN,
  REGISTRATION_STATUS_NAMES_EN,
} from './english';

/** The value sets that have names, each in both languages. */
const NAMES = {
  ORGANIZATION_TYPE: { ZH: ORGANIZATION_TYPE_NAMES, EN: ORGANIZATION_TYPE_NAMES_EN },
  REGISTRATION_STATUS: { ZH: REGISTRATION_STATUS_NAMES, EN: REGISTRATION_STATUS_NAMES_EN },
  EVALUATION_GRADE: { ZH: EVALUATION_GRADE_NAMES, EN: EVALUATION_GRADE_NAMES_EN },
  INDUSTRY: { ZH: INDUSTRY_SECTIONS, EN: INDUSTRY_SECTIONS_EN },
  DONATION_PURPOSE: { ZH: DONATION_PURPOSE_NAMES, EN: DONATION_PURPOSE_NAMES_EN },
  DONATION_STATUS: { ZH: DONATION_STATUS_NAMES, EN: DONATION_STATUS_NAMES_EN },
} as const satisfies Record<string, Record<Language, Readonly<Record<string, string>>>>;

/** What a group's key is: a value of one of the named sets, or a province's GB/T 2260 code. */
export type LabelledKind = keyof typeof NAMES | 'PROVINCE';

/** The name of `key` in `language`: the value's, or the province's; null for a key without one. */
export function valueLabel(
  kind: LabelledKind,
  key: string,
  language: Language,
  regions: RegionDirectory,
): string | null {
  if (kind === 'PROVINCE') {
    const region = regions.get(key);
    return region === null ? null : language === 'EN' ? (region.nameEn ?? region.name) : region.name;
  }
  return (NAMES[kind][language] as Readonly<Record<string, string>>)[key] ?? null;
}
