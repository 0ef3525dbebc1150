/**
 * 统一社会信用代码, GB 32100-2015: 18 characters from a 31-character alphabet (no I, O, S, V, Z).
 * Position 1 is the registering authority, 2 the kind of body, 3–8 the GB/T 2260 region,
 * 9–17 the GB 11714 organization code, and 18 a check character over the first 17.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters, or null if one is outside the alphabet. */
export function creditCodeCheckCharacter(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = ALPHABET.indexOf(first17[i] ?? '');
    if (value < 0) return null;
    sum += value * WEIGHTS[i]!;
  }
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** Why a credit code is malformed, or null when it is well formed. */
export function creditCodeProblem(code: string): string | null {
  if (code.length !== 18) return `must be 18 characters, got ${code.length}`;
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code))
    return 'may only contain digits and upper-case letters other than I, O, S, V and Z';
  const expected = creditCodeCheckCharacter(code.slice(0, 17));
  return expected === code[17] ? null : `check character should be ${expected}, got ${code[17]}`;
}

/** Completes 17 characters into a valid code by appending the check character. */
export function withCheckCharacter(first17: string): string {
  const check = creditCodeCheckCharacter(first17);
  if (check === null || first17.length !== 17) throw new RangeError(`not a credit code body: ${first17}`);
  return first17 + check;
}
