// Properties of the synthetic demo history: consistent dates and statuses, valid and unique BSNs,
// one main client per case, and work lists with content whatever day the demo is installed.
import { describe, expect, it } from 'vitest';
import codesFile from '../modules/reference/codes.json' with { type: 'json' };
import { CONTACT_KINDS, waitingState } from '../modules/cases/case-rules';
import { isValidBsn, isValidPostcode, normalisePostcode } from '../modules/clients/identity-rules';
import { dayNumber, DEMO_LOGINS, DEMO_WORKER_EMAIL, generateDemoHistory, type DemoHistory } from './synthetic-history';
import { bsnWithCheckDigit } from '../modules/clients/identity-rules';

const TEAMS = codesFile.teams.map((t) => ({ id: `team:${t.code}`, code: t.code }));
const SEED = 20_161_231;
const codesOf = (list: { code: string }[]) => new Set(list.map((c) => c.code));

// Different install days: the demo must hold up in any season, not only on the day it was written.
const DAYS = ['2026-11-23', '2027-03-31', '2027-08-01'];
const histories = new Map<string, DemoHistory>(DAYS.map((today) => [today, generateDemoHistory({ seed: SEED, today, teams: TEAMS })]));

describe.each(DAYS)('the demo history up to %s', (today) => {
  const h = histories.get(today)!;
  const demoWorker = h.users.find((u) => u.email === DEMO_WORKER_EMAIL)!;
  const startedCases = new Set(h.caseEvents.filter((e) => e.kind === 'started').map((e) => e.caseId));

  it('has about 3,000 cases over the last 2.5 years, busier in Overvecht and Kanaleneiland', () => {
    expect(h.cases.length).toBeGreaterThan(2700);
    expect(h.cases.length).toBeLessThan(3300);
    const first = h.cases.map((c) => c.registeredOn).sort()[0]!;
    const years = waitingState(first, null, today).days / 365.25;
    expect(years).toBeGreaterThan(2.4);
    expect(years).toBeLessThan(2.6);
    const perTeam = (code: string) => h.cases.filter((c) => c.teamId === `team:${code}`).length;
    expect(perTeam('overvecht-centrum')).toBeGreaterThan(perTeam('binnenstad') * 1.3);
    expect(perTeam('kanaleneiland-noord')).toBeGreaterThan(perTeam('vleuten') * 1.5);
  });

  it('gives every case exactly one main client, and household members on about a fifth', () => {
    const main = new Map<string, number>();
    const members = new Set<string>();
    for (const cc of h.caseClients) {
      if (cc.role === 'hoofdclient') main.set(cc.caseId, (main.get(cc.caseId) ?? 0) + 1);
      else members.add(cc.caseId);
    }
    for (const c of h.cases) expect(main.get(c.id), c.id).toBe(1);
    expect(members.size / h.cases.length).toBeGreaterThan(0.15);
    expect(members.size / h.cases.length).toBeLessThan(0.25);
  });

  it('has ZRM assessments within their case for a client of it, starting with a nulmeting', () => {
    const caseById = new Map(h.cases.map((c) => [c.id, c]));
    const members = new Set(h.caseClients.map((cc) => `${cc.caseId}/${cc.clientId}`));
    const domains = codesOf(codesFile.zrm_domains);
    for (const z of h.zrm) {
      const c = caseById.get(z.caseId)!;
      expect(members.has(`${z.caseId}/${z.clientId}`)).toBe(true);
      expect(z.assessedOn >= c.firstMeetingOn!).toBe(true);
      expect(z.assessedOn <= (c.closedOn ?? today)).toBe(true);
      for (const [domain, score] of Object.entries(z.scores)) {
        expect(domains.has(domain)).toBe(true);
        expect(score >= 1 && score <= 5).toBe(true);
      }
    }
    const firstType = new Map<string, string>();
    for (const z of [...h.zrm].sort((a, b) => a.assessedOn.localeCompare(b.assessedOn))) if (!firstType.has(z.caseId)) firstType.set(z.caseId, z.type);
    expect([...firstType.values()].every((t) => t === 'nul' || t === 'doel')).toBe(true);
    expect(firstType.size).toBeGreaterThan(h.cases.length * 0.9);
    expect(h.zrm.filter((z) => z.type === 'periodiek').length).toBeGreaterThan(500);
  });

  it('has provisions whose extensions follow their base with the same client, category and product', () => {
    const seen = new Map<string, (typeof h.provisions)[number]>();
    const products = new Map(codesFile.provision_products.map((p) => [p.code, p.category]));
    for (const p of h.provisions) {
      expect(products.get(p.product)).toBe(p.category);
      if (p.extendsProvisionId) {
        const base = seen.get(p.extendsProvisionId)!;
        expect(base, 'base comes first').toBeDefined();
        expect([base.clientId, base.category, base.product, base.voided]).toEqual([p.clientId, p.category, p.product, false]);
        expect(p.startOn > base.startOn).toBe(true);
      }
      seen.set(p.id, p);
    }
    expect(h.provisions.length).toBeGreaterThan(150);
    expect(h.provisions.some((p) => p.extendsProvisionId)).toBe(true);
  });

  it('has the maatwerk road in order: request, onderzoek, decision, toewijzing; numbers unique; some terms still running', () => {
    const requests = new Map(h.provisionRequests.map((r) => [r.id, r]));
    const decisions = new Map(h.provisionDecisions.map((d) => [d.id, d]));
    const openCases = new Set(h.cases.filter((c) => c.status !== 'closed').map((c) => c.id));
    for (const d of h.provisionDecisions) {
      const r = requests.get(d.requestId)!;
      expect(r.status).toBe('besloten');
      expect(r.requestedOn <= r.researchReportedOn! && r.researchReportedOn! <= d.decidedOn && d.decidedOn <= today).toBe(true);
    }
    for (const p of h.provisions.filter((x) => !x.extendsProvisionId)) {
      const d = decisions.get(p.decisionId!)!;
      expect(d.outcome).not.toBe('afgewezen');
      const r = requests.get(d.requestId)!;
      expect([r.caseId, r.clientId]).toEqual([p.caseId, p.clientId]);
      expect(p.startOn > d.decidedOn || p.startOn === today).toBe(true);
      expect(p.deliveryForm === 'pgb' ? p.assignmentNumber : p.assignmentNumber! > 0).toBe(p.deliveryForm === 'pgb' ? null : true);
      if (p.voided) expect([p.changeReason, p.deliveryStartedOn]).toEqual(['13', null]);
    }
    const numbers = (values: (number | null | undefined)[]) => values.filter((n): n is number => typeof n === 'number');
    const decisionNumbers = numbers(h.provisionDecisions.map((d) => d.decisionNumber));
    expect(new Set(decisionNumbers).size).toBe(decisionNumbers.length);
    const assignmentNumbers = numbers(h.provisions.map((p) => p.assignmentNumber));
    expect(new Set(assignmentNumbers).size).toBe(assignmentNumbers.length);
    expect(h.provisions.filter((p) => p.extendsProvisionId).every((p) => p.assignmentNumber === null && p.changeReason === '04')).toBe(true);
    // Waiting on a report or a decision, on open cases only; and now and then a report after the six weeks.
    const waiting = h.provisionRequests.filter((r) => r.status === 'open' || r.status === 'onderzocht');
    expect(waiting.length).toBeGreaterThan(10);
    expect(waiting.every((r) => openCases.has(r.caseId))).toBe(true);
    expect(h.provisionRequests.some((r) => r.researchReportedOn && dayNumber(r.researchReportedOn) - dayNumber(r.requestedOn) > 42)).toBe(true);
    expect(h.provisionDecisions.some((d) => d.outcome === 'afgewezen')).toBe(true);
  });

  it('keeps the dates of each case in order and never after today', () => {
    for (const c of h.cases) {
      expect(c.registeredOn <= today).toBe(true);
      if (c.firstMeetingOn) {
        expect(c.firstMeetingOn >= c.registeredOn).toBe(true);
        expect(c.firstMeetingOn <= today).toBe(true);
      }
      if (c.closedOn) {
        expect(c.firstMeetingOn).not.toBeNull();
        expect(c.closedOn >= c.firstMeetingOn!).toBe(true);
        expect(c.closedOn <= today).toBe(true);
      }
    }
  });

  it('gives each case the status its dates and events say', () => {
    for (const c of h.cases) {
      const expected = c.closedOn ? 'closed' : startedCases.has(c.id) ? 'running' : c.firstMeetingOn ? 'first_meeting' : 'registered';
      expect(c.status, c.id).toBe(expected);
      expect(c.firstMeetingLocation === null).toBe(c.firstMeetingOn === null);
      if (c.status === 'closed') {
        expect(c.closeReasons.length).toBeGreaterThanOrEqual(1);
        expect(c.closeReasons.length).toBeLessThanOrEqual(2);
        expect(c.closeOutcomes.length).toBeGreaterThanOrEqual(1);
        expect(c.closeOutcomes.length).toBeLessThanOrEqual(3);
      } else {
        expect([c.closeReasons, c.closeOutcomes, c.satisfactionScore, c.canContinueAlone]).toEqual([[], [], null, null]);
      }
    }
    expect(new Set(h.cases.map((c) => c.status))).toEqual(new Set(['registered', 'first_meeting', 'running', 'closed']));
  });

  it('records the first meeting, start and close as events on those dates, by the lead worker', () => {
    const byCase = new Map<string, typeof h.caseEvents>();
    for (const e of h.caseEvents) byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e]);
    for (const c of h.cases) {
      const events = byCase.get(c.id) ?? [];
      const on = (kind: string) => events.find((e) => e.kind === kind);
      expect(on('opened')).toBeDefined();
      expect(on('first_meeting')?.at.toISOString().slice(0, 10)).toBe(c.firstMeetingOn ?? undefined);
      expect(on('closed')?.at.toISOString().slice(0, 10)).toBe(c.closedOn ?? undefined);
      for (const e of events) if (e.kind !== 'opened') expect(e.actorId).toBe(c.leadWorkerId);
      const started = on('started');
      if (started) expect(started.at.toISOString().slice(0, 10) >= c.firstMeetingOn!).toBe(true);
    }
  });

  it('writes a journal of 1 to 15 contacts within the support period of cases past the first meeting', () => {
    const byCase = new Map<string, typeof h.contacts>();
    for (const contact of h.contacts) byCase.set(contact.caseId, [...(byCase.get(contact.caseId) ?? []), contact]);
    const misfits: typeof h.contacts = [];
    for (const c of h.cases) {
      const journal = byCase.get(c.id) ?? [];
      if (!c.firstMeetingOn) {
        expect(journal).toHaveLength(0);
        continue;
      }
      expect(journal.length).toBeGreaterThanOrEqual(1);
      expect(journal.length).toBeLessThanOrEqual(15);
      for (const contact of journal) {
        const fits =
          contact.contactOn >= c.firstMeetingOn &&
          contact.contactOn <= (c.closedOn ?? today) &&
          (CONTACT_KINDS as readonly string[]).includes(contact.kind) &&
          contact.minutes >= 10 &&
          contact.minutes <= 120 &&
          contact.authorId === c.leadWorkerId;
        if (!fits) misfits.push(contact);
      }
    }
    expect(misfits).toEqual([]);
  });

  it('gives BSNs that pass the 11-proef and are unique, and Utrecht postcodes', () => {
    const bsns = h.clients.flatMap((c) => (c.bsn ? [c.bsn] : []));
    expect(bsns.length).toBeGreaterThan(h.clients.length * 0.4);
    for (const bsn of bsns) expect(isValidBsn(bsn), bsn).toBe(true);
    expect(new Set(bsns).size).toBe(bsns.length);
    for (const c of h.clients) {
      expect(isValidPostcode(c.postcode), c.postcode).toBe(true);
      expect(normalisePostcode(c.postcode)).toBe(c.postcode);
      expect(c.postcode).toMatch(/^3[45]\d\d [A-Z]{2}$/);
      if (c.phone) expect(c.phone).toMatch(/^06-\d{8}$/);
    }
  });

  it('has main clients of 18 to 90 and some who came back after their first case closed', () => {
    const mainIds = new Set(h.caseClients.filter((cc) => cc.role === 'hoofdclient').map((cc) => cc.clientId));
    for (const c of h.clients.filter((c) => mainIds.has(c.id))) {
      const age = (Date.parse(today) - Date.parse(c.birthDate)) / (365.25 * 86_400_000);
      expect(age).toBeGreaterThanOrEqual(18);
      expect(age).toBeLessThan(93.5); // 90 at registration, 2.5 years ago
    }
    const casesOf = new Map<string, typeof h.cases>();
    const caseById = new Map(h.cases.map((c) => [c.id, c]));
    for (const cc of h.caseClients.filter((cc) => cc.role === 'hoofdclient')) casesOf.set(cc.clientId, [...(casesOf.get(cc.clientId) ?? []), caseById.get(cc.caseId)!]);
    const returning = [...casesOf.values()].filter((list) => list.length > 1);
    expect(returning.length).toBeGreaterThan(50);
    for (const list of returning) {
      const [first, second] = list.sort((a, b) => a.registeredOn.localeCompare(b.registeredOn));
      expect(first!.closedOn).not.toBeNull();
      expect(second!.registeredOn > first!.closedOn!).toBe(true);
    }
    expect(returning.some((list) => list[0]!.teamId !== list[1]!.teamId)).toBe(true);
  });

  it('has one generalist registration per case, and others triaged elsewhere or waiting for triage', () => {
    const generalist = h.registrations.filter((r) => r.triageOutcome === 'generalist');
    expect(generalist.map((r) => r.caseId).sort()).toEqual(h.cases.map((c) => c.id).sort());
    const elsewhere = h.registrations.filter((r) => r.triageOutcome !== null && r.triageOutcome !== 'generalist');
    expect(elsewhere.length).toBe(40);
    for (const r of elsewhere) {
      expect(r.caseId).toBeNull();
      expect(r.triageAdvice).toBeTruthy();
      expect(r.triageTeamId !== null).toBe(r.triageOutcome === 'other_team');
    }
    const untriaged = h.registrations.filter((r) => r.triageOutcome === null);
    for (const team of TEAMS) {
      const queue = untriaged.filter((r) => r.teamId === team.id);
      expect(queue.length).toBeGreaterThanOrEqual(3);
      for (const r of queue) expect(waitingState(r.registeredOn, null, today).days).toBeLessThanOrEqual(4);
    }
  });

  it('uses only codes of codes.json, with zelfmelder the most common referrer', () => {
    const referrers = codesOf(codesFile.referrers);
    for (const c of h.cases) expect(referrers.has(c.referrerCode), c.referrerCode).toBe(true);
    const count = (code: string) => h.cases.filter((c) => c.referrerCode === code).length;
    expect(count('zelfmelder')).toBeGreaterThan(count('huisarts'));
    expect(count('huisarts')).toBeGreaterThan(count('gemeente'));
    const reasons = codesOf(codesFile.close_reasons);
    const outcomes = codesOf(codesFile.close_outcomes);
    for (const c of h.cases) {
      for (const r of c.closeReasons) expect(reasons.has(r), r).toBe(true);
      for (const o of c.closeOutcomes) expect(outcomes.has(o), o).toBe(true);
    }
  });

  it('closes with satisfaction around 7.8 and "can continue alone" for about 84%', () => {
    const closed = h.cases.filter((c) => c.status === 'closed');
    const scores = closed.flatMap((c) => (c.satisfactionScore === null ? [] : [c.satisfactionScore]));
    const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
    expect(mean).toBeGreaterThan(7.6);
    expect(mean).toBeLessThan(8.0);
    expect(Math.min(...scores)).toBeGreaterThanOrEqual(5);
    expect(Math.max(...scores)).toBeLessThanOrEqual(10);
    const answers = closed.filter((c) => c.canContinueAlone !== null);
    const yes = answers.filter((c) => c.canContinueAlone).length / answers.length;
    expect(yes).toBeGreaterThan(0.8);
    expect(yes).toBeLessThan(0.88);
    const planned = closed.filter((c) => c.closeReasons.includes('volgens_plan')).length / closed.length;
    expect(planned).toBeGreaterThan(0.5);
  });

  it('gives every team registrations waiting within the 5-day norm and over it', () => {
    for (const team of TEAMS) {
      const waiting = h.cases.filter((c) => c.teamId === team.id && c.status === 'registered').map((c) => waitingState(c.registeredOn, null, today));
      expect(waiting.some((w) => w.overNorm), team.code).toBe(true);
      expect(waiting.some((w) => !w.overNorm), team.code).toBe(true);
    }
  });

  it('gives the demo medewerker a caseload of 16-24 open cases in every open status', () => {
    const open = h.cases.filter((c) => c.leadWorkerId === demoWorker.id && c.status !== 'closed');
    expect(open.length).toBeGreaterThanOrEqual(16);
    expect(open.length).toBeLessThanOrEqual(24);
    expect(new Set(open.map((c) => c.status))).toEqual(new Set(['registered', 'first_meeting', 'running']));
    const waiting = open.filter((c) => c.status === 'registered').map((c) => waitingState(c.registeredOn, null, today));
    expect(waiting.some((w) => w.overNorm)).toBe(true);
    expect(waiting.filter((w) => !w.overNorm).length).toBeGreaterThanOrEqual(2);
    for (const c of open) expect(c.teamId).toBe('team:overvecht-centrum');
  });

  it('makes the lead worker and registering worker medewerkers of the case team, with unique lower-case e-mail addresses', () => {
    const userById = new Map(h.users.map((u) => [u.id, u]));
    for (const c of h.cases) {
      const lead = userById.get(c.leadWorkerId)!;
      expect(lead.role).toBe('medewerker');
      expect(lead.teamId).toBe(c.teamId);
    }
    for (const r of h.registrations) expect(userById.get(r.createdBy)!.teamId).toBe(r.teamId);
    const emails = h.users.map((u) => u.email);
    expect(new Set(emails).size).toBe(emails.length);
    for (const email of emails) expect(email).toMatch(/^[a-z0-9.]+@demo\.keukentafel\.nl$/);
    for (const team of TEAMS) {
      const generated = h.users.filter((u) => u.teamId === team.id && !u.login);
      expect(generated.length).toBeGreaterThanOrEqual(3);
      expect(generated.length).toBeLessThanOrEqual(6);
    }
    expect(h.users.filter((u) => u.login).map((u) => u.email)).toEqual(DEMO_LOGINS.map((l) => l.email));
  });
});

describe('generateDemoHistory', () => {
  it('gives the same history for the same seed and day, and another for another seed', () => {
    const a = generateDemoHistory({ seed: SEED, today: '2026-11-23', teams: TEAMS });
    const b = generateDemoHistory({ seed: SEED, today: '2026-11-23', teams: TEAMS });
    const c = generateDemoHistory({ seed: SEED + 1, today: '2026-11-23', teams: TEAMS });
    expect(b).toEqual(a);
    expect(c.clients.slice(0, 20).map((x) => x.lastName)).not.toEqual(a.clients.slice(0, 20).map((x) => x.lastName));
  });

  it('puts no timestamp after the moment of generation', () => {
    const now = new Date('2026-11-23T06:30:00Z');
    const h = generateDemoHistory({ seed: SEED, today: '2026-11-23', now, teams: TEAMS });
    const stamps = [
      ...h.cases.flatMap((c) => [c.createdAt, c.updatedAt]),
      ...h.caseEvents.map((e) => e.at),
      ...h.registrations.flatMap((r) => [r.createdAt, r.triagedAt ?? r.createdAt]),
      ...h.contacts.map((c) => c.createdAt),
      ...h.clients.map((c) => c.createdAt),
    ];
    for (const at of stamps) expect(at.getTime()).toBeLessThanOrEqual(now.getTime());
  });
});

describe('bsnWithCheckDigit', () => {
  it('completes 8 digits to a number that passes the 11-proef, or refuses when no digit fits', () => {
    expect(bsnWithCheckDigit('11122233')).toBe('111222333');
    expect(isValidBsn(bsnWithCheckDigit('99990733')!)).toBe(true);
    // 9·9+8·9+7·9+6·9+5·0+4·0+3·0+2·1 = 272, 272 mod 11 = 8: check digit 8.
    expect(bsnWithCheckDigit('99990001')).toBe('999900018');
    // 9·1+8·0+... = 9+2·1=11 → 0; with first digit 2: 18+2 = 20 mod 11 = 9.
    expect(bsnWithCheckDigit('10000001')).toBe('100000010');
    // 9·0+...+3·0+2·5 = 10: no check digit makes it divisible by 11.
    expect(bsnWithCheckDigit('00000005')).toBeNull();
  });
});
