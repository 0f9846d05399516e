import { describe, expect, it } from 'vitest';
import { planContent, type PlanContent } from '../../../server/modules/plans/plans.schemas';
import { EMPTY_PLAN_MESSAGE } from '../../../server/modules/plans/plan-rules';
import { openerId, parseTarget, PART_PATH, partErrors, partPrefix, saveProblems, targetExists, targetKey, withAgreement, withDomain, withoutAgreement, withoutDomain, type PlanTarget } from './plan-editing';

const A1 = '11111111-1111-4111-8111-111111111111';
const A2 = '22222222-2222-4222-8222-222222222222';
const plan: PlanContent = planContent.parse({
  domains: [
    { domain: 'financien', goal: 'Overzicht', agreements: [{ id: A1, what: 'Post openen', owner: 'client' }] },
    { domain: 'dagbesteding', situation: 'Zit thuis', agreements: [{ id: A2, what: 'Buurttuin', owner: 'volunteer' }] },
  ],
});

describe('the open part', () => {
  it('has a stable key and opener id, and survives being kept as text', () => {
    const targets: PlanTarget[] = [{ kind: 'domain', domain: 'financien' }, { kind: 'agreement', domain: 'financien', id: A1 }, { kind: 'new-agreement', domain: 'dagbesteding' }, { kind: 'new-domain' }, { kind: 'crisis' }, { kind: 'akkoord' }];
    for (const target of targets) expect(parseTarget(JSON.stringify(target))).toEqual(target);
    expect(targetKey({ kind: 'agreement', domain: 'financien', id: A1 })).toBe(`agreement-${A1}`);
    expect(openerId({ kind: 'domain', domain: 'financien' })).toBe('plan-open-domain-financien');
    expect(parseTarget('')).toBeNull();
    expect(parseTarget('{niet')).toBeNull();
    expect(parseTarget(JSON.stringify({ kind: 'agreement', domain: 'financien' }))).toBeNull();
    expect(parseTarget(JSON.stringify({ kind: 'iets' }))).toBeNull();
  });

  it('knows whether the part is still in the plan', () => {
    expect(targetExists({ kind: 'agreement', domain: 'financien', id: A1 }, plan)).toBe(true);
    expect(targetExists({ kind: 'agreement', domain: 'dagbesteding', id: A1 }, plan)).toBe(false);
    expect(targetExists({ kind: 'domain', domain: 'huisvesting' }, plan)).toBe(false);
    expect(targetExists({ kind: 'crisis' }, plan)).toBe(true);
  });
});

describe('one part changed', () => {
  it('replaces or adds a domain and an agreement, leaving the rest as it was', () => {
    const changed = withDomain(plan, { ...plan.domains[1]!, goal: 'Twee ochtenden buiten de deur' });
    expect(changed.domains.map((d) => d.goal)).toEqual(['Overzicht', 'Twee ochtenden buiten de deur']);
    expect(changed.domains[0]).toBe(plan.domains[0]);
    const added = withDomain(plan, { domain: 'huisvesting', situation: '', strengths: '', goal: 'Een eigen huis', agreements: [] });
    expect(added.domains.map((d) => d.domain)).toEqual(['financien', 'dagbesteding', 'huisvesting']);
    expect(withoutDomain(plan, 'financien').domains.map((d) => d.domain)).toEqual(['dagbesteding']);

    const edited = withAgreement(plan, 'financien', { ...plan.domains[0]!.agreements[0]!, status: 'done' });
    expect(edited.domains[0]!.agreements.map((a) => a.status)).toEqual(['done']);
    expect(edited.domains[1]).toBe(plan.domains[1]);
    const more = withAgreement(plan, 'dagbesteding', { id: A1.replace('1111-4', '3333-4'), what: 'Bellen', owner: 'team', ownerName: '', dueOn: null, status: 'open', result: '' });
    expect(more.domains[1]!.agreements.map((a) => a.what)).toEqual(['Buurttuin', 'Bellen']);
    expect(withoutAgreement(plan, 'financien', A1).domains[0]!.agreements).toEqual([]);
  });
});

describe('problems on the fields of the open form', () => {
  it('takes the part off the path and puts the rest on the form title', () => {
    const target: PlanTarget = { kind: 'agreement', domain: 'dagbesteding', id: A2 };
    const prefix = partPrefix(target, plan);
    expect(prefix).toBe('content.domains.1.agreements.0');
    expect(
      partErrors(
        [
          { path: 'content.domains.1.agreements.0.what', message: 'Beschrijf de afspraak' },
          { path: 'content.domains.0.goal', message: 'Te lang' },
          { path: 'content.domains', message: EMPTY_PLAN_MESSAGE },
        ],
        prefix,
        ['what', 'owner'],
      ),
    ).toEqual([
      { path: 'what', message: 'Beschrijf de afspraak' },
      { path: PART_PATH, message: 'Te lang' },
      { path: PART_PATH, message: EMPTY_PLAN_MESSAGE },
    ]);
  });

  it('puts "no goal or agreement" on the goal of a domain form', () => {
    const empty = planContent.parse({ domains: [{ domain: 'financien', situation: 'Post blijft liggen' }] });
    const problems = saveProblems({ content: empty, baseVersion: 0 }, planContent.parse({}), '2026-11-12');
    expect(partErrors(problems, partPrefix({ kind: 'new-domain' }, empty), ['domain', 'situation', 'goal'], 'goal')).toEqual([{ path: 'goal', message: EMPTY_PLAN_MESSAGE }]);
  });

  it('reads the schema before the rules, with list positions kept', () => {
    const bad = withAgreement(plan, 'dagbesteding', { ...plan.domains[1]!.agreements[0]!, what: '' });
    expect(saveProblems({ content: bad, baseVersion: 1 }, plan, '2026-11-12')).toEqual([{ path: 'content.domains.1.agreements.0.what', message: 'Beschrijf de afspraak' }]);
    expect(saveProblems({ content: { ...plan, reviewOn: '2026-11-11' }, baseVersion: 1 }, plan, '2026-11-12')).toEqual([{ path: 'content.reviewOn', message: expect.stringMatching(/in het verleden/) }]);
    expect(partErrors(saveProblems({ content: { ...plan, reviewOn: '2026-11-11' }, baseVersion: 1 }, plan, '2026-11-12'), 'content', ['expectedEndOn', 'reviewOn'])[0]!.path).toBe('reviewOn');
  });
});
