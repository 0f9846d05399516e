import { describe, expect, it } from 'vitest';
import { clientKey, isTrustedProxy } from './client-address';

describe('clientKey', () => {
  it('keeps an IPv4 address, also when written IPv4-mapped', () => {
    expect(clientKey('203.0.113.7')).toBe('203.0.113.7');
    expect(clientKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('counts an IPv6 address by its /64 network, however it is written', () => {
    expect(clientKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64');
    expect(clientKey('::1')).toBe('::/64');
  });

  it('leaves what is not an address as it is', () => {
    expect(clientKey('unknown')).toBe('unknown');
  });
});

describe('isTrustedProxy', () => {
  it('trusts nobody without TRUST_PROXY, everybody with a hop count, and the listed addresses otherwise', () => {
    expect(isTrustedProxy(false)('10.0.0.2')).toBe(false);
    expect(isTrustedProxy(1)('198.51.100.1')).toBe(true);
    expect(isTrustedProxy(0)('198.51.100.1')).toBe(false);
    const listed = isTrustedProxy('10.0.0.2, 192.168.0.0/16,loopback');
    expect(['10.0.0.2', '192.168.4.5', '127.0.0.1', '::1'].map(listed)).toEqual([true, true, true, true]);
    expect(['10.0.0.3', '198.51.100.1'].map(listed)).toEqual([false, false]);
  });
});
