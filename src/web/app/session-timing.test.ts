import { describe, expect, it } from 'vitest';
import { sessionTiming, timeLeftText } from './session-timing';

describe('the end of an idle session, seen from the web app', () => {
  it('warns two minutes before the earliest end and asks the server only after the latest', () => {
    const t = sessionTiming(0, 30);
    expect(t.endsAt).toBe(29 * 60_000);
    expect(t.warnAt).toBe(27 * 60_000);
    expect(t.surelyEndedAt).toBe(30 * 60_000 + 1_000);
  });

  it('keeps the warning inside a short idle time', () => {
    const t = sessionTiming(1_000, 3);
    expect(t.endsAt).toBe(1_000 + 2 * 60_000);
    expect(t.warnAt).toBe(1_000 + 2 * 60_000 - 90_000);
  });

  it('says the time left in words, the last minute in steps of 15 seconds', () => {
    expect(timeLeftText(120_000)).toBe('2 minuten');
    expect(timeLeftText(61_000)).toBe('2 minuten');
    expect(timeLeftText(60_000)).toBe('1 minuut');
    expect(timeLeftText(44_000)).toBe('45 seconden');
    expect(timeLeftText(1_000)).toBe('15 seconden');
    expect(timeLeftText(0)).toBe('nu');
  });
});
