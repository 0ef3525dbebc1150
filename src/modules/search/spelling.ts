import { pinyin } from 'pinyin-pro';

const HAN = /^\p{Script=Han}$/u;
const LETTER_OR_DIGIT = /^[a-z0-9]$/;

/** Toneless pinyin, ü written v (lv, nv) as keyboards type it. */
const PINYIN = { toneType: 'none', type: 'array', v: true } as const;

/**
 * One reading per character: each Chinese character's commonest reading, any other character as
 * itself. `'context'` reads polyphones from the surrounding words (银行 yinhang); `'alone'` reads
 * every character by itself (行 xing), so that a text containing another always spells containing
 * the other's spelling.
 */
export type Reading = 'context' | 'alone';

const alone = new Map<string, string>();

function readings(text: string, reading: Reading): string[] {
  const chars = [...text];
  const inContext = reading === 'context' ? pinyin(text, PINYIN) : null;
  return chars.map((c, i) => {
    if (!HAN.test(c)) return c;
    if (inContext && inContext.length === chars.length) return inContext[i]!;
    let syllable = alone.get(c);
    if (syllable === undefined) alone.set(c, (syllable = pinyin(c, PINYIN)[0] ?? c));
    return syllable;
  });
}

/**
 * The words of `text` in lower-case Latin letters: a run of Chinese characters, letters and digits
 * is one word (内蒙古蒙牛乳业 → neimenggumengniuruye); anything else separates words.
 */
export function spellWords(text: string, reading: Reading): string[] {
  const words: string[] = [];
  let word = '';
  for (const part of readings(text.toLowerCase(), reading)) {
    if (part.length > 1 || LETTER_OR_DIGIT.test(part)) word += part;
    else if (word) {
      words.push(word);
      word = '';
    }
  }
  if (word) words.push(word);
  return words;
}

/** The first letter of each Chinese character's reading in context, and each letter and digit: 蒙牛 → mn. */
export function initials(text: string): string {
  return readings(text.toLowerCase(), 'context')
    .filter((part) => part.length > 1 || LETTER_OR_DIGIT.test(part))
    .map((part) => part[0])
    .join('');
}

const FULL_WIDTH: Readonly<Record<string, string>> = { '（': '(', '）': ')', '·': ' ', '，': ', ', '、': ', ' };

/**
 * `text` in Hanyu Pinyin as a name is written in English: each run of Chinese characters one word,
 * capitalized, its syllables joined (an apostrophe before a, o or e within the word, as in Xi'an);
 * other characters kept, full-width punctuation made ASCII, a space between a word and what follows.
 */
export function romanize(text: string): string {
  let out = '';
  let run = '';
  const endRun = () => {
    if (run) out += (/[\p{L}\p{N})]$/u.test(out) ? ' ' : '') + run[0]!.toUpperCase() + run.slice(1);
    run = '';
  };
  const chars = [...text];
  readings(text, 'context').forEach((part, i) => {
    if (HAN.test(chars[i]!) && part !== chars[i]) {
      run += (run && /^[aoe]/.test(part) ? "'" : '') + part;
      return;
    }
    const plain = FULL_WIDTH[part] ?? part;
    if (run) {
      endRun();
      if (/^[\p{L}\p{N}(]/u.test(plain)) out += ' ';
    }
    out += plain;
  });
  endRun();
  return out.replace(/ {2,}/g, ' ').trim();
}
