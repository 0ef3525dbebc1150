import {
  creditCodeCheckCharacter,
  creditCodeProblem,
  withCheckCharacter,
} from '../../../src/modules/organizations/credit-code';

describe('unified social credit codes (GB 32100-2015)', () => {
  it('computes the check character of a published example', () => {
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3');
    expect(creditCodeProblem('91350100M000100Y43')).toBeNull();
  });

  it('maps a remainder of 31 to the character 0', () => {
    const body = Array.from({ length: 31 }, (_, i) => `5110010100000000${'0123456789ABCDEFGHJKLMNPQRTUWXY'[i]}`).find(
      (b) => creditCodeCheckCharacter(b) === '0',
    );
    expect(body).toBeDefined();
    expect(creditCodeProblem(withCheckCharacter(body!))).toBeNull();
  });

  it('names what is wrong with a malformed code', () => {
    expect(creditCodeProblem('91350100M000100Y4')).toBe('must be 18 characters, got 17');
    expect(creditCodeProblem('91350100M000100I43')).toMatch(/other than I, O, S, V and Z/);
    expect(creditCodeProblem('91350100M000100Y40')).toBe('check character should be 3, got 0');
  });
});
