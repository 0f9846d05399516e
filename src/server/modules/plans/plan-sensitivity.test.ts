import { describe, expect, it } from 'vitest';
import { diffPlans } from './plan-diff';
import { listedParts, planAsSeenBy, restoreWithheld, sensitiveParts, withholdParts } from './plan-sensitivity';
import { planContent, type PlanContent } from './plans.schemas';

const OPEN = '11111111-1111-4111-8111-111111111111';
const SECRET = '22222222-2222-4222-8222-222222222222';
const LAST = '33333333-3333-4333-8333-333333333333';
const labels = new Map([
  ['financien', 'Financiën'],
  ['huiselijke_relaties', 'Huiselijke relaties'],
  ['huisvesting', 'Huisvesting'],
]);
const label = (code: string) => labels.get(code) ?? code;

const stored: PlanContent = planContent.parse({
  domains: [
    {
      domain: 'financien',
      goal: 'Overzicht in de rekeningen',
      agreements: [
        { id: OPEN, what: 'Post samen openen', owner: 'network' },
        { id: SECRET, what: 'Afspraak bij de GGZ over de verslaving', owner: 'specialist', sensitivity: 'gezondheid' },
        { id: LAST, what: 'Budgetcursus volgen', owner: 'group' },
      ],
    },
    { domain: 'huiselijke_relaties', situation: 'Partner slaat als hij gedronken heeft', sensitivity: 'huiselijk_geweld', agreements: [] },
    { domain: 'huisvesting', goal: 'Een eigen woning' },
  ],
});

const seenByColleague = planAsSeenBy(stored, false);

describe('a sensitive plan as a colleague outside the case sees it', () => {
  it('leaves out the marked domain and agreement, naming them by code and id only', () => {
    expect(seenByColleague.domains.map((d) => d.domain)).toEqual(['financien', 'huisvesting']);
    expect(seenByColleague.domains[0]!.agreements.map((a) => a.id)).toEqual([OPEN, LAST]);
    expect(seenByColleague.withheld).toEqual({ domains: ['huiselijke_relaties'], agreements: [{ id: SECRET, domain: 'financien' }] });
    const text = JSON.stringify(seenByColleague);
    for (const secret of ['GGZ', 'slaat', 'gezondheid', 'huiselijk_geweld']) expect(text).not.toContain(secret);
  });

  it('shows the case worker everything, and never a withheld list', () => {
    expect(planAsSeenBy({ ...stored, withheld: { domains: ['x'], agreements: [] } }, true)).toEqual(stored);
  });

  it('hides an earlier version of a part that is marked now', () => {
    const earlier = structuredClone(stored);
    earlier.domains[0]!.agreements[1]!.sensitivity = undefined;
    expect(planAsSeenBy(earlier, false).domains[0]!.agreements.map((a) => a.id)).toContain(SECRET);
    expect(planAsSeenBy(earlier, false, stored).domains[0]!.agreements.map((a) => a.id)).not.toContain(SECRET);
  });

  it('compares without the text of withheld parts', () => {
    const next = structuredClone(stored);
    next.domains[0]!.agreements[1]!.what = 'Afspraak bij de GGZ verzet naar vrijdag';
    next.domains[1]!.situation = 'Partner is vertrokken';
    next.domains[2]!.goal = 'Een woning dichtbij school';
    const changes = diffPlans(seenByColleague, planAsSeenBy(next, false), labels);
    expect(changes).toEqual([{ label: 'Huisvesting — doel', from: 'Een eigen woning', to: 'Een woning dichtbij school' }]);
  });

  it('names a new mark and a change in the number of withheld parts', () => {
    const marked = structuredClone(stored);
    marked.domains[2]!.sensitivity = 'justitie';
    expect(diffPlans(stored, marked, labels)).toEqual([{ label: 'Huisvesting — gevoelig', from: '(leeg)', to: 'Justitie' }]);
    expect(diffPlans(seenByColleague, planAsSeenBy(marked, false), labels)).toEqual([
      { label: 'Huisvesting', from: 'in het plan', to: '(verwijderd)' },
      { label: 'Afgeschermde onderdelen (alleen zichtbaar voor de betrokken medewerkers)', from: '2', to: '3' },
    ]);
  });
});

describe("a colleague's save", () => {
  const hidden = sensitiveParts(stored);
  const save = (incoming: PlanContent) => restoreWithheld(stored, incoming, hidden, { mayMark: false, label });

  it('puts the withheld parts back where they stood, unchanged', () => {
    const edited = structuredClone(seenByColleague);
    edited.domains[0]!.goal = 'Rust in de financiën';
    edited.domains[0]!.agreements.push(planContent.parse({ domains: [{ domain: 'x', agreements: [{ id: '44444444-4444-4444-8444-444444444444', what: 'Zelf de bank bellen', owner: 'client' }] }] }).domains[0]!.agreements[0]!);
    const { content, problems } = save(edited);
    expect(problems).toEqual([]);
    expect(content.withheld).toBeUndefined();
    expect(content.domains.map((d) => d.domain)).toEqual(['financien', 'huiselijke_relaties', 'huisvesting']);
    expect(content.domains[0]!.goal).toBe('Rust in de financiën');
    expect(content.domains[0]!.agreements.map((a) => a.id)).toEqual([OPEN, SECRET, LAST, '44444444-4444-4444-8444-444444444444']);
    expect(content.domains[0]!.agreements[1]).toEqual(stored.domains[0]!.agreements[1]);
    expect(content.domains[1]).toEqual(stored.domains[1]);
  });

  it('keeps them when the form sent the withheld list, or nothing at all about them', () => {
    const { withheld: _w, ...bare } = seenByColleague;
    expect(save(bare).content.domains).toEqual(stored.domains);
    expect(save(seenByColleague).content.domains).toEqual(stored.domains);
  });

  it('refuses a mark, a second copy of a withheld domain, and removing a domain with a withheld agreement', () => {
    const edited = structuredClone(seenByColleague);
    edited.domains[1]!.sensitivity = 'justitie';
    edited.domains.push(planContent.parse({ domains: [{ domain: 'huiselijke_relaties' }] }).domains[0]!);
    edited.domains.splice(0, 1);
    expect(save(edited).problems).toEqual([
      { path: 'content.domains.0.sensitivity', message: 'Huisvesting: Alleen de betrokken medewerkers van deze casus kunnen een onderdeel als gevoelig markeren' },
      { path: 'content.domains.1.domain', message: 'Huiselijke relaties staat al in het plan, afgeschermd' },
      { path: 'content.domains', message: 'Financiën heeft een afgeschermde afspraak; alleen de betrokken medewerkers van deze casus kunnen dit leefgebied verwijderen' },
    ]);
  });

  it('lets a case worker whose form was opened before they became one keep what it withheld', () => {
    const { content, problems } = restoreWithheld(stored, seenByColleague, listedParts(seenByColleague.withheld), { mayMark: true, label });
    expect(problems).toEqual([]);
    expect(content.domains).toEqual(stored.domains);
  });
});

describe('marked parts', () => {
  it('are found in any of the given versions', () => {
    const plain = planContent.parse({ domains: [{ domain: 'huisvesting' }] });
    expect(sensitiveParts(plain)).toEqual({ domains: new Set(), agreements: new Set() });
    expect(sensitiveParts(plain, stored)).toEqual({ domains: new Set(['huiselijke_relaties']), agreements: new Set([SECRET]) });
    expect(withholdParts(plain, sensitiveParts(stored))).toEqual(plain);
  });
});
