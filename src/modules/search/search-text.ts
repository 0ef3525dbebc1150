import { initials, spellWords } from './spelling';

/** Separates the two parts of a search text: the names' words, then the initials' tails. */
export const SEARCH_TEXT_PARTS = ' | ';

/**
 * The text an organization is found by, stored in `organizations.search_text` whenever its name
 * is written and indexed with pg_trgm; every word lower-case Latin letters and digits, between spaces.
 * First its names: the name in pinyin (polyphones read in context, and character by character where
 * that differs), its short name in pinyin and in initials, its English name's words in order. Then, after
 * SEARCH_TEXT_PARTS, the name's initials from each character on (蒙牛乳业 → mnry nry ry), so that a
 * query of one or two letters, matched at a word's start, finds initials anywhere in the name.
 */
export function searchText(name: string, shortName: string | null, nameEn: string): string {
  const spellings = new Set([
    ...spellWords(name, 'context'),
    ...spellWords(name, 'alone'),
    ...(shortName ? [...spellWords(shortName, 'context'), initials(shortName)] : []),
  ]);
  const names = [...spellings, ...spellWords(nameEn, 'alone')];
  const all = initials(name);
  const tails = new Set([...all].map((_, i) => all.slice(i)).filter((tail) => tail.length > 1));
  return ` ${names.join(' ')}${SEARCH_TEXT_PARTS}${[...tails].join(' ')} `;
}
