import { describe, expect, it } from 'vitest';
import { diffPlans } from './plan-diff';
import { planContent, type PlanContent } from './plans.schemas';

const labels = new Map([
  ['financien', 'Financiën'],
  ['huisvesting', 'Huisvesting'],
]);
const A1 = '11111111-1111-4111-8111-111111111111';
const A2 = '22222222-2222-4222-8222-222222222222';

const base: PlanContent = planContent.parse({
  domains: [
    {
      domain: 'financien',
      situation: 'Ik krijg de post niet meer open.',
      goal: 'Overzicht in de rekeningen',
      agreements: [
        { id: A1, what: 'Post samen openen', owner: 'network', ownerName: 'dochter Samira' },
        { id: A2, what: 'Aanmelden thuisadministratie', owner: 'team' },
      ],
    },
  ],
  expectedEndOn: '2027-03-01',
});

describe('plan comparison', () => {
  it('finds nothing between equal plans', () => {
    expect(diffPlans(base, structuredClone(base), labels)).toEqual([]);
  });

  it('names changed fields, agreements followed by id, and added or removed domains', () => {
    const after = structuredClone(base);
    after.domains[0]!.goal = 'Rust in de financiën';
    after.domains[0]!.agreements[0]!.status = 'done';
    after.domains[0]!.agreements.splice(1, 1);
    after.domains[0]!.agreements.push({ id: '33333333-3333-4333-8333-333333333333', what: 'Zelf de bank bellen', owner: 'client', ownerName: '', dueOn: null, status: 'open', result: '' });
    after.domains.push(planContent.parse({ domains: [{ domain: 'huisvesting' }] }).domains[0]!);
    after.expectedEndOn = null;
    expect(diffPlans(base, after, labels)).toEqual([
      { label: 'Financiën — doel', from: 'Overzicht in de rekeningen', to: 'Rust in de financiën' },
      { label: "Financiën — afspraak 'Post samen openen' — status", from: 'Open', to: 'Gedaan' },
      { label: 'Financiën — afspraak', from: '(nieuw)', to: 'Zelf de bank bellen (De cliënt zelf)' },
      { label: 'Financiën — afspraak', from: 'Aanmelden thuisadministratie (Het buurtteam)', to: '(verwijderd)' },
      { label: 'Huisvesting', from: '(niet in het plan)', to: 'toegevoegd' },
      { label: 'Verwachte einddatum', from: '2027-03-01', to: '(leeg)' },
    ]);
  });
});
