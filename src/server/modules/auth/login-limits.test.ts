import { describe, expect, it } from 'vitest';
import { accountKeyPrefix, addressKey, loginLimitKeys, tooManyAttemptsMessage } from './login-limits';

describe('login limit keys', () => {
  it('count per address, and per address and account with the e-mail address hashed', () => {
    const [address, account] = loginLimitKeys('203.0.113.7', 'Lotte.Leeuw@Test.nl');
    expect(address).toMatchObject({ kind: 'address', key: 'login:address:203.0.113.7' });
    expect(account!.kind).toBe('address_account');
    expect(account!.key).toMatch(/^login:account:[0-9a-f]{64}:address:203\.0\.113\.7$/);
    expect(account!.key).not.toContain('leeuw');
    expect(account!.key.startsWith(accountKeyPrefix(' lotte.leeuw@test.nl '))).toBe(true);
    expect(account!.key.startsWith(accountKeyPrefix('lotte@test.nl'))).toBe(false);
  });

  it('take the same key for every address of one IPv6 /64 and for IPv4-mapped addresses', () => {
    expect(addressKey('2001:db8:1:2::1')).toBe(addressKey('2001:db8:1:2:ffff::9'));
    expect(addressKey('2001:db8:1:2::1')).not.toBe(addressKey('2001:db8:1:3::1'));
    expect(addressKey('::ffff:203.0.113.7')).toBe(addressKey('203.0.113.7'));
  });

  it('do not depend on whether the account exists, only on what was typed', () => {
    expect(loginLimitKeys('198.51.100.2', 'bestaat.niet@test.nl').map((k) => k.limit)).toEqual(loginLimitKeys('198.51.100.2', 'lotte.leeuw@test.nl').map((k) => k.limit));
  });
});

describe('tooManyAttemptsMessage', () => {
  it('says the wait in whole minutes, at least one', () => {
    expect(tooManyAttemptsMessage(1)).toBe('Te veel mislukte pogingen. Probeer het over 1 minuut opnieuw.');
    expect(tooManyAttemptsMessage(60)).toBe('Te veel mislukte pogingen. Probeer het over 1 minuut opnieuw.');
    expect(tooManyAttemptsMessage(61)).toBe('Te veel mislukte pogingen. Probeer het over 2 minuten opnieuw.');
    expect(tooManyAttemptsMessage(900)).toBe('Te veel mislukte pogingen. Probeer het over 15 minuten opnieuw.');
  });
});
