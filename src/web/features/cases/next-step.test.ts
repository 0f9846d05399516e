import { describe, expect, it } from 'vitest';
import { datedSteps, nextStep, type NextStepInput } from './next-step';

const today = '2026-03-10';
const base: NextStepInput = { status: 'running', due: null, zrmDue: [], plan: { version: 1, reviewOn: null, openAgreements: [] }, today };

describe('nextStep', () => {
  it('asks for the first meeting by its deadline while the case waits, late after it', () => {
    expect(nextStep({ ...base, status: 'registered', due: { kind: 'first_meeting', on: '2026-03-12' } })).toMatchObject({ text: 'Kennismaking vastleggen', on: '2026-03-12', dateWord: 'uiterlijk', overdue: false, tab: 'overzicht' });
    expect(nextStep({ ...base, status: 'registered', due: { kind: 'first_meeting', on: '2026-03-09' } })).toMatchObject({ overdue: true });
  });

  it('asks to start support after the first meeting, whatever else is due', () => {
    expect(nextStep({ ...base, status: 'first_meeting', zrmDue: [{ kind: 'nul', dueOn: '2026-03-01' }] })).toMatchObject({ text: 'Ondersteuning starten', on: null });
  });

  it('takes the earliest dated step within 14 days: ZRM, the review or an agreement', () => {
    const plan = { version: 2, reviewOn: '2026-03-20', openAgreements: [{ what: 'Post openen', dueOn: '2026-03-15' }, { what: 'Zonder datum', dueOn: null }] };
    expect(nextStep({ ...base, plan, zrmDue: [{ kind: 'periodiek', dueOn: '2026-03-18' }] })).toMatchObject({ text: 'Afspraak: Post openen', on: '2026-03-15', tab: 'krachtplan' });
    expect(nextStep({ ...base, plan: { ...plan, openAgreements: [] }, zrmDue: [{ kind: 'periodiek', dueOn: '2026-03-18' }] })).toMatchObject({ text: 'Periodieke ZRM-meting vastleggen', tab: 'zrm' });
    expect(nextStep({ ...base, zrmDue: [{ kind: 'nul', dueOn: '2026-02-01' }] })).toMatchObject({ text: 'Nulmeting ZRM vastleggen', overdue: true });
  });

  it('asks for a plan when nothing is due soon and there is none; otherwise names the next date', () => {
    expect(nextStep({ ...base, plan: { version: 0, reviewOn: null, openAgreements: [] }, zrmDue: [{ kind: 'periodiek', dueOn: '2026-06-01' }] })).toMatchObject({ text: 'Krachtplan maken met de cliënt', tab: 'krachtplan' });
    expect(nextStep({ ...base, zrmDue: [{ kind: 'periodiek', dueOn: '2026-06-01' }] })).toMatchObject({ text: 'Periodieke ZRM-meting vastleggen', on: '2026-06-01' });
    expect(nextStep(base)).toBeNull();
  });

  it('on a closed case only the eindmeting counts, not the plan', () => {
    const plan = { version: 1, reviewOn: '2026-03-11', openAgreements: [{ what: 'Post openen', dueOn: '2026-03-11' }] };
    expect(nextStep({ ...base, status: 'closed', plan })).toBeNull();
    expect(nextStep({ ...base, status: 'closed', plan, zrmDue: [{ kind: 'eind', dueOn: '2026-03-01' }] })).toMatchObject({ text: 'Eindmeting ZRM vastleggen', overdue: true });
  });
});

describe('datedSteps', () => {
  it('lists ZRM and the review earliest first', () => {
    const steps = datedSteps({ status: 'running', zrmDue: [{ kind: 'periodiek', dueOn: '2026-05-01' }], plan: { reviewOn: '2026-04-01' }, today });
    expect(steps.map((s) => s.text)).toEqual(['Krachtplan evalueren met de cliënt', 'Periodieke ZRM-meting vastleggen']);
  });
});
