import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '../../lib/dates';
import { consentPeriodProblems, consentState, defaultWithdrawalDate, groundProblems, withdrawalProblem, type ConsentPeriod } from './consent-rules';

const TODAY = '2026-05-15';
const consent = (over: Partial<ConsentPeriod> = {}): ConsentPeriod => ({ validFrom: '2026-03-01', validUntil: '2026-08-31', withdrawnOn: null, ...over });

describe('consentState', () => {
  it('is not yet in force before the start, active from the start through the last day, expired after', () => {
    expect(consentState(consent(), '2026-02-28')).toBe('nog_niet_ingegaan');
    expect(consentState(consent(), '2026-03-01')).toBe('actief');
    expect(consentState(consent(), '2026-08-31')).toBe('actief');
    expect(consentState(consent(), '2026-09-01')).toBe('verlopen');
  });

  it('without an end date stays active', () => {
    expect(consentState(consent({ validUntil: null }), '2099-01-01')).toBe('actief');
  });

  it('is withdrawn from the withdrawal date on, and was active before it', () => {
    const withdrawn = consent({ withdrawnOn: '2026-05-10' });
    expect(consentState(withdrawn, '2026-05-09')).toBe('actief');
    expect(consentState(withdrawn, '2026-05-10')).toBe('ingetrokken');
    expect(consentState(withdrawn, '2026-12-01')).toBe('ingetrokken');
  });

  it('is active on a day exactly when the day lies in the period and before any withdrawal', () => {
    const day = fc.integer({ min: 0, max: 400 }).map((n) => addDays('2026-01-01', n));
    fc.assert(
      fc.property(day, day, fc.option(day), fc.option(day), (on, from, until, withdrawn) => {
        const c = { validFrom: from, validUntil: until, withdrawnOn: withdrawn };
        const expected = on >= from && (until === null || on <= until) && (withdrawn === null || on < withdrawn);
        expect(consentState(c, on) === 'actief').toBe(expected);
      }),
    );
  });
});

describe('consentPeriodProblems', () => {
  it('accepts a period from today, one in the past after birth, and one up to a year ahead', () => {
    expect(consentPeriodProblems({ validFrom: TODAY, validUntil: null }, { today: TODAY, birthDate: '1980-01-01' })).toEqual([]);
    expect(consentPeriodProblems({ validFrom: '2026-01-02', validUntil: '2026-01-02' }, { today: TODAY, birthDate: '1980-01-01' })).toEqual([]);
    expect(consentPeriodProblems({ validFrom: addDays(TODAY, 365), validUntil: null }, { today: TODAY, birthDate: null })).toEqual([]);
  });

  it('refuses a start before birth, more than a year ahead, and an end before the start', () => {
    expect(consentPeriodProblems({ validFrom: '1979-12-31', validUntil: null }, { today: TODAY, birthDate: '1980-01-01' }).map((p) => p.path)).toEqual(['validFrom']);
    expect(consentPeriodProblems({ validFrom: addDays(TODAY, 366), validUntil: null }, { today: TODAY, birthDate: null })[0]!.message).toMatch(/meer dan een jaar/);
    expect(consentPeriodProblems({ validFrom: TODAY, validUntil: addDays(TODAY, -1) }, { today: TODAY, birthDate: null }).map((p) => p.path)).toEqual(['validUntil']);
  });
});

describe('withdrawalProblem', () => {
  it('allows a withdrawal within the period up to today', () => {
    expect(withdrawalProblem(consent(), TODAY, TODAY)).toBeNull();
    expect(withdrawalProblem(consent(), '2026-03-01', TODAY)).toBeNull();
  });

  it('refuses a second withdrawal, one before the start, after the end, or in the future', () => {
    expect(withdrawalProblem(consent({ withdrawnOn: '2026-04-01' }), TODAY, TODAY)).toMatch(/al ingetrokken/);
    expect(withdrawalProblem(consent(), '2026-02-28', TODAY)).toMatch(/vóór de ingangsdatum/);
    expect(withdrawalProblem(consent({ validUntil: '2026-04-30' }), TODAY, TODAY)).toMatch(/al verlopen/);
    expect(withdrawalProblem(consent(), addDays(TODAY, 1), TODAY)).toMatch(/toekomst/);
  });

  it('withdraws a consent that has not started yet on its start date, so it never comes into force', () => {
    const future = consent({ validFrom: '2026-07-01' });
    expect(defaultWithdrawalDate(future, TODAY)).toBe('2026-07-01');
    expect(withdrawalProblem(future, '2026-07-01', TODAY)).toBeNull();
    expect(withdrawalProblem(future, '2026-07-02', TODAY)).toMatch(/toekomst/);
    expect(consentState({ ...future, withdrawnOn: '2026-07-01' }, '2026-07-01')).toBe('ingetrokken');
    expect(defaultWithdrawalDate(consent(), TODAY)).toBe(TODAY);
  });
});

describe('groundProblems', () => {
  const base = { consentId: null, reasoning: null, disclosedOn: TODAY };
  const why = 'Acuut gevaar voor de kinderen; overleg met Veilig Thuis gehad.';

  it('needs an active consent of this client for the ground toestemming', () => {
    const input = { ...base, ground: 'toestemming' as const, consentId: 'c1' };
    expect(groundProblems(input, consent())).toEqual([]);
    expect(groundProblems({ ...input, consentId: null }, consent())[0]).toMatchObject({ path: 'consentId', message: expect.stringMatching(/Kies de toestemming/) });
    expect(groundProblems(input, null)[0]!.message).toMatch(/van deze cliënt/);
    expect(groundProblems(input, consent({ withdrawnOn: '2026-05-01' }))[0]!.message).toMatch(/ingetrokken/);
    expect(groundProblems(input, consent({ validUntil: '2026-05-14' }))[0]!.message).toMatch(/verlopen/);
    expect(groundProblems(input, consent({ validFrom: '2026-05-16' }))[0]!.message).toMatch(/nog niet ingegaan/);
    // The disclosure's own date counts, not today: a disclosure made before the withdrawal stands.
    expect(groundProblems({ ...input, disclosedOn: '2026-04-30' }, consent({ withdrawnOn: '2026-05-01' }))).toEqual([]);
  });

  it('needs a reasoning of at least 20 characters for every other ground, and no consent', () => {
    for (const ground of ['wettelijke_plicht', 'meldrecht', 'conflict_van_plichten'] as const) {
      expect(groundProblems({ ...base, ground, reasoning: why }, null)).toEqual([]);
      expect(groundProblems({ ...base, ground }, null).map((p) => p.path)).toEqual(['reasoning']);
      expect(groundProblems({ ...base, ground, reasoning: '   kort maar fout    ' }, null).map((p) => p.path)).toEqual(['reasoning']);
      expect(groundProblems({ ...base, ground, reasoning: why, consentId: 'c1' }, consent()).map((p) => p.path)).toEqual(['consentId']);
    }
  });
});
