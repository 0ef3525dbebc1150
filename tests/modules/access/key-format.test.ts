import { displayPrefix, generateKey, hashKey, keyFormatProblem } from '../../../src/modules/access/key-format';

/** What a secret scanner would look for. */
const SCANNER = /\bgyk1_[0-9A-Za-z]{38}\b/;

describe('the API key format', () => {
  it('makes keys a scanner recognises, with a checksum that holds', () => {
    const key = generateKey();
    expect(key.secret).toMatch(SCANNER);
    expect(key.secret).toHaveLength(43);
    expect(keyFormatProblem(key.secret)).toBeNull();
    expect(key.secretHash).toBe(hashKey(key.secret));
    expect(key.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(key.displayPrefix).toBe(key.secret.slice(0, 13));
    expect(displayPrefix(key.secret)).toBe(key.displayPrefix);
  });

  it('never makes the same key twice', () => {
    const secrets = new Set(Array.from({ length: 1000 }, () => generateKey().secret));
    expect(secrets.size).toBe(1000);
  });

  it('refuses any one mistyped character by its checksum', () => {
    const { secret } = generateKey();
    for (let i = 5; i < secret.length; i++) {
      const typo = secret.slice(0, i) + (secret[i] === 'a' ? 'b' : 'a') + secret.slice(i + 1);
      expect(keyFormatProblem(typo)).toBe('has a checksum that does not match (mistyped?)');
    }
  });

  it('says why a string is not a key at all', () => {
    expect(keyFormatProblem('ghp_abcdef')).toBe('is not a gongyi-graph API key (keys start with gyk1_)');
    expect(keyFormatProblem('gyk1_short')).toBe('is malformed: a key is gyk1_ followed by 38 letters and digits');
    expect(keyFormatProblem(`gyk2_${'a'.repeat(38)}`)).toBe(
      'is malformed: a key is gyk1_ followed by 38 letters and digits',
    );
  });
});
