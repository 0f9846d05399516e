import { describe, expect, it } from 'vitest';
import { addYears, EMPTY_PLAN_MESSAGE, holdsAPlan, latestReviewOn, planRuleProblems, reviewDateProblem } from './plan-rules';
import { planContent, type PlanContent } from './plans.schemas';

const TODAY = '2026-11-12';
const AGREEMENT = '11111111-1111-4111-8111-111111111111';
const plan = (input: unknown): PlanContent => planContent.parse(input);
const empty = plan({});

describe('holdsAPlan', () => {
  it('needs a life domain with a goal or an agreement', () => {
    expect(holdsAPlan(empty)).toBe(false);
    expect(holdsAPlan(plan({ reciprocity: 'Helpt de buurvrouw', crisisPlan: { signs: 'Post blijft liggen' } }))).toBe(false);
    expect(holdsAPlan(plan({ domains: [{ domain: 'financien', situation: 'Post blijft liggen', strengths: 'Dochter helpt' }] }))).toBe(false);
    expect(holdsAPlan(plan({ domains: [{ domain: 'financien', goal: '   ' }] }))).toBe(false);
    expect(holdsAPlan(plan({ domains: [{ domain: 'financien', goal: 'Overzicht in de post' }] }))).toBe(true);
    expect(holdsAPlan(plan({ domains: [{ domain: 'financien', agreements: [{ id: AGREEMENT, what: 'Post openen', owner: 'client' }] }] }))).toBe(true);
  });

  it('leaves a plan with withheld parts to the server, which sees the whole', () => {
    expect(holdsAPlan(plan({ withheld: { domains: ['huiselijke_relaties'], agreements: [] } }))).toBe(true);
    expect(holdsAPlan(plan({ withheld: { domains: [], agreements: [{ id: AGREEMENT, domain: 'financien' }] } }))).toBe(true);
    expect(holdsAPlan(plan({ withheld: { domains: [], agreements: [] } }))).toBe(false);
  });
});

describe('the evaluation date', () => {
  it('may be today up to two years ahead', () => {
    expect(reviewDateProblem(TODAY, null, TODAY)).toBeNull();
    expect(reviewDateProblem('2028-11-12', null, TODAY)).toBeNull();
    expect(reviewDateProblem('2028-11-13', null, TODAY)).toBe('De evaluatiedatum 13 november 2028 ligt meer dan 2 jaar vooruit. Kies een datum tot en met 12 november 2028.');
    expect(reviewDateProblem('2026-11-11', null, TODAY)).toBe('De evaluatiedatum 11 november 2026 ligt in het verleden. Kies vandaag of een latere datum.');
    expect(reviewDateProblem('2019-03-01', '2026-12-01', TODAY)).toMatch(/^De evaluatiedatum 1 maart 2019 ligt in het verleden/);
  });

  it('is not checked again when it did not change, nor when there is none', () => {
    expect(reviewDateProblem('2026-01-05', '2026-01-05', TODAY)).toBeNull();
    expect(reviewDateProblem(null, '2026-01-05', TODAY)).toBeNull();
  });

  it('counts two calendar years, 29 February included', () => {
    expect(addYears('2026-11-12', 2)).toBe('2028-11-12');
    expect(addYears('2028-02-29', 2)).toBe('2030-02-28');
    expect(addYears('2027-02-28', 1)).toBe('2028-02-28');
    expect(latestReviewOn('2026-12-31')).toBe('2028-12-31');
  });
});

describe('planRuleProblems', () => {
  it('names the field of each problem with the path of the save', () => {
    const next = plan({ reviewOn: '2020-01-01' });
    expect(planRuleProblems(next, empty, TODAY)).toEqual([
      { path: 'content.domains', message: EMPTY_PLAN_MESSAGE },
      { path: 'content.reviewOn', message: 'De evaluatiedatum 1 januari 2020 ligt in het verleden. Kies vandaag of een latere datum.' },
    ]);
    const fine = plan({ domains: [{ domain: 'financien', goal: 'Overzicht' }], reviewOn: '2020-01-01' });
    expect(planRuleProblems(fine, fine, TODAY)).toEqual([]);
  });
});
