import { describe, expect, it } from 'vitest';
import { needsReferralAdvice, opensCase, TRIAGE_LABELS, TRIAGE_OUTCOMES } from './triage';
import { triageBody } from './registrations.schemas';

describe('triage', () => {
  it('opens a case only for generalist support; every other outcome needs a referral advice', () => {
    expect(TRIAGE_OUTCOMES.filter(opensCase)).toEqual(['generalist']);
    expect(TRIAGE_OUTCOMES.filter(needsReferralAdvice)).toEqual(TRIAGE_OUTCOMES.filter((o) => o !== 'generalist'));
    expect(Object.keys(TRIAGE_LABELS).sort()).toEqual([...TRIAGE_OUTCOMES].sort());
  });
  it('asks for the team, the out-of-scope reason and the advice where the outcome needs them', () => {
    const problems = (body: object) => (triageBody.safeParse({ version: 1, ...body }).error?.issues ?? []).map((i) => i.path.join('.')).sort();
    expect(problems({ outcome: 'generalist' })).toEqual([]);
    expect(problems({ outcome: 'other_team' })).toEqual(['advice', 'teamId']);
    expect(problems({ outcome: 'out_of_scope', advice: 'Huisarts' })).toEqual(['outOfScopeReason']);
    expect(problems({ outcome: 'out_of_scope', advice: 'Huisarts', outOfScopeReason: 'medische_behandeling' })).toEqual([]);
    expect(problems({ outcome: 'jeugd_gezin' })).toEqual(['advice']);
  });
});
