import { describe, expect, it } from 'vitest';
import { dutchDate, dutchDateTime } from './dutch-dates';

describe('dates', () => {
  it('writes dates the Dutch way, in Dutch time', () => {
    expect(dutchDate('2026-11-03')).toBe('3 november 2026');
    expect(dutchDateTime('2026-07-01T22:30:00Z')).toBe('2 juli 2026 om 00:30');
    expect(dutchDate(null)).toBe('');
    expect(dutchDate('2026-07-01T22:30:00Z')).toBe('1 juli 2026');
  });

  it("writes every day of a leap year and then some as Intl's nl-NL long date does", () => {
    const intl = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    for (let day = Date.UTC(1899, 11, 1); day <= Date.UTC(2028, 0, 31); day += 86_400_000 * 7) {
      const iso = new Date(day).toISOString().slice(0, 10);
      expect(dutchDate(iso), iso).toBe(intl.format(new Date(day)));
    }
    for (let day = Date.UTC(2024, 0, 1); day < Date.UTC(2025, 0, 1); day += 86_400_000) {
      expect(dutchDate(new Date(day).toISOString().slice(0, 10))).toBe(intl.format(new Date(day)));
    }
  });
});
