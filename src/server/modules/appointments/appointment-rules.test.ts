import { describe, expect, it } from 'vitest';
import { appointmentTimeProblems, caseReference, DAY_TOO_EARLY, DAY_TOO_FAR, dutchMoment, dutchWallClock, END_NOT_AFTER_START, PERIOD_BACKWARDS, PERIOD_TOO_LONG, periodProblem, PLACE_NEEDED, placeProblem, TOO_LONG } from './appointment-rules';

describe('appointmentTimeProblems', () => {
  const today = '2026-03-10';
  it('takes an end after the start, up to 12 hours', () => {
    expect(appointmentTimeProblems({ date: today, startTime: '09:00', endTime: '09:01' }, today)).toEqual([]);
    expect(appointmentTimeProblems({ date: today, startTime: '07:00', endTime: '19:00' }, today)).toEqual([]);
  });
  it('refuses an end at or before the start, and more than 12 hours', () => {
    expect(appointmentTimeProblems({ date: today, startTime: '10:00', endTime: '10:00' }, today)).toEqual([{ path: 'endTime', message: END_NOT_AFTER_START }]);
    expect(appointmentTimeProblems({ date: today, startTime: '10:00', endTime: '09:00' }, today)).toEqual([{ path: 'endTime', message: END_NOT_AFTER_START }]);
    expect(appointmentTimeProblems({ date: today, startTime: '07:00', endTime: '19:01' }, today)).toEqual([{ path: 'endTime', message: TOO_LONG }]);
  });
  it('refuses a day more than a year back or two years ahead', () => {
    expect(appointmentTimeProblems({ date: '2025-03-08', startTime: '09:00', endTime: '10:00' }, today)).toEqual([{ path: 'date', message: DAY_TOO_EARLY }]);
    expect(appointmentTimeProblems({ date: '2028-03-10', startTime: '09:00', endTime: '10:00' }, today)).toEqual([{ path: 'date', message: DAY_TOO_FAR }]);
  });
});

describe('placeProblem and periodProblem', () => {
  it('needs a place for a home visit and the office only', () => {
    expect(placeProblem('huisbezoek', ' ')).toBe(PLACE_NEEDED);
    expect(placeProblem('kantoor', null)).toBe(PLACE_NEEDED);
    expect(placeProblem('telefoon', null)).toBeNull();
    expect(placeProblem('video', undefined)).toBeNull();
  });
  it('takes a day up to 31 days, not backwards', () => {
    expect(periodProblem('2026-03-10', '2026-03-10')).toBeNull();
    expect(periodProblem('2026-03-01', '2026-03-31')).toBeNull();
    expect(periodProblem('2026-03-01', '2026-04-01')).toBe(PERIOD_TOO_LONG);
    expect(periodProblem('2026-03-10', '2026-03-09')).toBe(PERIOD_BACKWARDS);
  });
});

describe('Dutch clock times', () => {
  it('turns a Dutch date and time into the moment, in winter and in summer', () => {
    expect(dutchMoment('2026-01-15', '10:00').toISOString()).toBe('2026-01-15T09:00:00.000Z');
    expect(dutchMoment('2026-07-15', '10:00').toISOString()).toBe('2026-07-15T08:00:00.000Z');
    expect(dutchMoment('2026-07-15', '00:30').toISOString()).toBe('2026-07-14T22:30:00.000Z');
  });
  it('takes a skipped spring time an hour later and a doubled autumn time the first time', () => {
    expect(dutchMoment('2026-03-29', '02:30').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(dutchMoment('2026-10-25', '02:30').toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });
  it('reads a moment back as the Dutch clock shows it', () => {
    expect(dutchWallClock(new Date('2026-07-14T22:30:00Z'))).toEqual({ date: '2026-07-15', time: '00:30' });
    expect(dutchWallClock(new Date('2026-12-31T23:15:00Z'))).toEqual({ date: '2027-01-01', time: '00:15' });
  });
});

describe('caseReference', () => {
  it('is stable and carries only the start of the id', () => {
    expect(caseReference('3f2a91c0-1111-4222-8333-444455556666')).toBe('Casus 3F2A91C0');
  });
});
