import { describe, expect, it } from 'vitest';
import { addMonths, blockedReason, destructionTurn, isDueForRetention, requestDueOn, retentionEndsOn, retentionStartsOn, type RetentionFacts } from './retention-rules';

const closed = (lastClosedOn: string, more: Partial<RetentionFacts> = {}): RetentionFacts => ({
  openCases: 0,
  untriagedRegistrations: 0,
  lastClosedOn,
  lastRegisteredOn: null,
  createdOn: '2000-01-01',
  lastDeclinedOn: null,
  ...more,
});

describe('addMonths', () => {
  it('moves by calendar months across years', () => {
    expect(addMonths('2024-01-15', 3, 'clamp')).toBe('2024-04-15');
    expect(addMonths('2024-11-15', 3, 'clamp')).toBe('2025-02-15');
    expect(addMonths('2009-06-30', 180, 'next')).toBe('2024-06-30');
  });
  it('rounds a missing day down or up as asked', () => {
    expect(addMonths('2024-11-30', 3, 'clamp')).toBe('2025-02-28');
    expect(addMonths('2024-11-30', 3, 'next')).toBe('2025-03-01');
    expect(addMonths('2023-11-30', 3, 'clamp')).toBe('2024-02-29');
    expect(addMonths('2024-10-31', 1, 'next')).toBe('2024-12-01');
    expect(addMonths('2024-11-30', 1, 'next')).toBe('2024-12-30');
    expect(addMonths('2025-01-31', -2, 'clamp')).toBe('2024-11-30');
  });
  it('refuses what is not a date', () => {
    expect(() => addMonths('2023-02-29', 1, 'clamp')).toThrow(RangeError);
  });
});

describe('requestDueOn: the legal term of 3 months (Wmo 5.3.5)', () => {
  it('is three months after receipt', () => {
    expect(requestDueOn('2025-03-10')).toBe('2025-06-10');
  });
  it('never ends later than three months: 30 November ends on the last day of February', () => {
    expect(requestDueOn('2024-11-30')).toBe('2025-02-28');
    expect(requestDueOn('2023-11-30')).toBe('2024-02-29');
    expect(requestDueOn('2025-05-31')).toBe('2025-08-31');
  });
});

describe('the retention term', () => {
  it('is due on the day the term has passed since the last closing, not the day before', () => {
    expect(isDueForRetention(closed('2009-06-30'), 15, '2024-06-29')).toBe(false);
    expect(isDueForRetention(closed('2009-06-30'), 15, '2024-06-30')).toBe(true);
    expect(isDueForRetention(closed('2009-06-30'), 15, '2030-01-01')).toBe(true);
  });
  it('keeps a case closed on a leap day the full term: due on 1 March', () => {
    expect(retentionEndsOn(closed('2008-02-29'), 15)).toBe('2023-03-01');
    expect(isDueForRetention(closed('2008-02-29'), 15, '2023-02-28')).toBe(false);
    expect(isDueForRetention(closed('2008-02-29'), 15, '2023-03-01')).toBe(true);
    // 16 years later is a leap year again: the same day.
    expect(retentionEndsOn(closed('2008-02-29'), 16)).toBe('2024-02-29');
  });
  it('follows the organisation setting', () => {
    expect(isDueForRetention(closed('2015-05-01'), 10, '2025-05-01')).toBe(true);
    expect(isDueForRetention(closed('2015-05-01'), 15, '2025-05-01')).toBe(false);
  });
  it('runs from the latest closing of a client in several cases', () => {
    // lastClosedOn is the latest over the cases: an old and a newer case.
    expect(isDueForRetention(closed('2014-03-01'), 15, '2026-01-01')).toBe(false);
    expect(isDueForRetention(closed('2008-03-01'), 15, '2026-01-01')).toBe(true);
  });
  it('is not due while any case of the client is open, also as a household member in another case', () => {
    expect(isDueForRetention(closed('2001-01-01', { openCases: 1 }), 15, '2026-01-01')).toBe(false);
    expect(retentionEndsOn(closed('2001-01-01', { openCases: 1 }), 15)).toBeNull();
  });
  it('is not due while a registration waits for triage', () => {
    expect(isDueForRetention(closed('2001-01-01', { untriagedRegistrations: 1 }), 15, '2026-01-01')).toBe(false);
  });
  it('runs from a newer registration that did not become a case', () => {
    const facts = closed('2001-01-01', { lastRegisteredOn: '2012-04-02' });
    expect(retentionStartsOn(facts)).toBe('2012-04-02');
    expect(isDueForRetention(facts, 15, '2026-01-01')).toBe(false);
    expect(isDueForRetention(facts, 15, '2027-04-02')).toBe(true);
  });
  it('uses the date the client was made only when there is no case or registration', () => {
    const orphan: RetentionFacts = { openCases: 0, untriagedRegistrations: 0, lastClosedOn: null, lastRegisteredOn: null, createdOn: '2005-07-01', lastDeclinedOn: null };
    expect(retentionStartsOn(orphan)).toBe('2005-07-01');
    expect(isDueForRetention(orphan, 15, '2020-07-01')).toBe(true);
    expect(retentionStartsOn({ ...orphan, lastRegisteredOn: '2003-01-01' })).toBe('2003-01-01');
  });
  it('asks again a year after kwaliteit decided to keep the data longer', () => {
    const declined = closed('2001-01-01', { lastDeclinedOn: '2025-09-15' });
    expect(isDueForRetention(declined, 15, '2026-09-14')).toBe(false);
    expect(isDueForRetention(declined, 15, '2026-09-15')).toBe(true);
    // An old decline does not bring forward a later term.
    expect(retentionEndsOn(closed('2012-01-01', { lastDeclinedOn: '2010-01-01' }), 15)).toBe('2027-01-01');
  });
});

describe('blockedReason', () => {
  it('names what is still running', () => {
    expect(blockedReason({ openCases: 0, untriagedRegistrations: 0 })).toBeNull();
    expect(blockedReason({ openCases: 2, untriagedRegistrations: 0 })).toMatch(/lopende casus/);
    expect(blockedReason({ openCases: 0, untriagedRegistrations: 1 })).toMatch(/triage/);
  });
});

describe('destructionTurn (four eyes)', () => {
  it('asks for a proposal first, then a confirmation by anyone but the proposer', () => {
    expect(destructionTurn('te_beoordelen', null, 'karin')).toBe('propose');
    expect(destructionTurn('voorgesteld', 'karin', 'karin')).toBe('wait');
    expect(destructionTurn('voorgesteld', 'karin', 'kees')).toBe('confirm');
    // A proposal without a known proposer (never written so) still needs someone to confirm.
    expect(destructionTurn('voorgesteld', null, 'kees')).toBe('confirm');
  });
  it('leaves nothing to do once decided', () => {
    for (const status of ['vernietigd', 'afgewezen'] as const) {
      expect(destructionTurn(status, 'karin', 'kees')).toBe('decided');
      expect(destructionTurn(status, 'karin', 'karin')).toBe('decided');
    }
  });
});
