import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { COMMON_PASSWORDS } from './common-passwords';
import { MIN_PASSWORD_LENGTH, PASSWORD_MESSAGES, passwordProblems } from './password-rules';

const anna = { email: 'anna.aalders@buurtteam.nl', name: 'Anna Aalders' };

describe('password rules', () => {
  it('accepts a long passphrase and the demo and test passwords', () => {
    expect(passwordProblems('paarse olifant fietst naar Zuilen', anna)).toEqual([]);
    expect(passwordProblems('keukentafel-demo', anna)).toEqual([]);
    expect(passwordProblems('test-wachtwoord-1', anna)).toEqual([]);
  });

  it(`needs at least ${MIN_PASSWORD_LENGTH} characters, counted as characters, not bytes`, () => {
    expect(passwordProblems('kort-maar-k', anna)).toEqual([PASSWORD_MESSAGES.tooShort]);
    expect(passwordProblems('kort-maar-kl', anna)).toEqual([]);
    // 11 emoji are 22 UTF-16 units but 11 characters.
    expect(passwordProblems('🍎🍐🍊🍋🍌🍉🍇🍓🫐🍒🍑', anna)).toContain(PASSWORD_MESSAGES.tooShort);
  });

  it('refuses the e-mail address or the name, also with other case, dots or digits around', () => {
    expect(passwordProblems('anna.aalders@buurtteam.nl', anna)).toContain(PASSWORD_MESSAGES.personal);
    expect(passwordProblems('Anna.Aalders!2024', anna)).toContain(PASSWORD_MESSAGES.personal);
    expect(passwordProblems('ANNA AALDERS 1980', anna)).toContain(PASSWORD_MESSAGES.personal);
    expect(passwordProblems('mijn-annaaalders-x', anna)).toContain(PASSWORD_MESSAGES.personal);
    // Without a context there is nothing personal to compare with.
    expect(passwordProblems('Anna.Aalders!2024')).toEqual([]);
  });

  it('refuses the built-in common passwords, also with digits or symbols around them', () => {
    expect(COMMON_PASSWORDS.length).toBeGreaterThanOrEqual(200);
    expect(passwordProblems('qwerty123456')).toEqual([PASSWORD_MESSAGES.common]);
    expect(passwordProblems('Wachtwoord2024!')).toEqual([PASSWORD_MESSAGES.common]);
    expect(passwordProblems('!!Welkom123456')).toEqual([PASSWORD_MESSAGES.common]);
    expect(passwordProblems('Pass-Word-1234')).toEqual([PASSWORD_MESSAGES.common]);
    for (const common of COMMON_PASSWORDS) expect(passwordProblems(common), common).toContain(PASSWORD_MESSAGES.common);
  });

  it('refuses passwords with too few different characters', () => {
    expect(passwordProblems('abababababababab')).toEqual([PASSWORD_MESSAGES.repetitive]);
    expect(passwordProblems('abcdeabcdeabcde')).toEqual([]);
  });

  it('refuses a password from the extra list, in any case', () => {
    const denylist = new Set(['zomer-in-lunetten-2019']);
    expect(passwordProblems('Zomer-in-Lunetten-2019', { denylist })).toEqual([PASSWORD_MESSAGES.leaked]);
    expect(passwordProblems('Zomer-in-Lunetten-2020', { denylist })).toEqual([]);
  });

  it('never accepts a password shorter than the minimum (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: MIN_PASSWORD_LENGTH - 1, unit: 'grapheme' }), (password) => {
        fc.pre([...password].length < MIN_PASSWORD_LENGTH);
        expect(passwordProblems(password)).toContain(PASSWORD_MESSAGES.tooShort);
      }),
    );
  });
});
