import { searchText } from '../search/search-text';
import { organizationNameEn, organizationShortName } from './english-name';

/**
 * The columns derived from an organization's name: its English name and the text name searches
 * match (searchText). Pinyin is not SQL, so the database cannot derive them: a row is written
 * without them, or has them cleared by a trigger when its name changes, and
 * fillOrganizationNameColumns writes them after every load (loadDemo) and migration.
 */
export function nameColumns(name: string): { nameEn: string; searchText: string } {
  const nameEn = organizationNameEn(name);
  return { nameEn, searchText: searchText(name, organizationShortName(name), nameEn) };
}
