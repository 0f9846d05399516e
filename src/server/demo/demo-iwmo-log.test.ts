// The demo's iWmo register: traffic of the last weeks only, consistent with the toewijzingen (what
// was sent, what the provider reported), numbered without gaps in the order it happened, and the same
// register for the same history.
import { describe, expect, it } from 'vitest';
import codesFile from '../modules/reference/codes.json' with { type: 'json' };
import { identificationOf } from '../modules/maatwerk/iwmo-flow/iwmo-messages.repo';
import { demoIwmoLog, IWMO_LOG_DAYS, type DemoIwmoMessage } from './demo-iwmo-log';
import { dayNumber, generateDemoHistory } from './synthetic-history';

const TEAMS = codesFile.teams.map((t) => ({ id: `team:${t.code}`, code: t.code }));
const SEED = 20_161_231;

describe.each(['2026-11-23', '2027-03-31'])('the demo iWmo register up to %s', (today) => {
  const history = generateDemoHistory({ seed: SEED, today, teams: TEAMS });
  const now = new Date(`${today}T15:00:00Z`);
  let n = 0;
  const log = demoIwmoLog(history.provisions, { today, now, gemeentecode: '0344', newId: () => `id-${++n}` });
  const ofKind = (kind: DemoIwmoMessage['kind']) => log.filter((m) => m.kind === kind);
  const byId = new Map(log.map((m) => [m.id, m]));

  it('holds a few weeks of traffic of every kind the demo knows, nothing before its first day or after now', () => {
    for (const kind of ['301', '302', '305', '306', '307', '308'] as const) expect(ofKind(kind).length, kind).toBeGreaterThan(0);
    expect(log.length).toBeLessThan(2000);
    const first = dayNumber(today) - IWMO_LOG_DAYS;
    for (const m of log) {
      expect(dayNumber(m.messageDate)).toBeGreaterThanOrEqual(first);
      expect(m.messageDate <= today).toBe(true);
      expect(m.createdAt.getTime()).toBeLessThanOrEqual(now.getTime());
    }
  });

  it('sends a 301 only for chains the provider knows, with their numbers, and to their provider', () => {
    const known = new Map(history.provisions.filter((p) => p.assignmentNumber != null).map((p) => [p.assignmentNumber!, p]));
    for (const m of ofKind('301')) {
      expect(m.assignmentNumbers!.length).toBeGreaterThan(0);
      for (const number of m.assignmentNumbers!) {
        const root = known.get(number)!;
        expect(root.sentVersion).toBe(1);
        expect([root.clientId, root.providerAgb]).toEqual([m.clientId, m.providerAgb]);
      }
    }
  });

  it('numbers our own messages 1, 2, 3 … per kind in the order they happened, in file names of the standard', () => {
    for (const kind of ['301', '306', '308'] as const) {
      const ours = ofKind(kind);
      expect(ours.map((m) => m.sequence)).toEqual(ours.map((_, i) => i + 1));
      expect(ours.map((m) => m.messageDate)).toEqual(ours.map((m) => m.messageDate).sort());
      for (const m of ours) {
        expect(m.direction).toBe('out');
        expect(m.messageId).toBe(identificationOf(m.sequence!));
        expect(m.fileName).toBe(`WMO${kind}_0344_${m.providerAgb}_${m.messageId}.xml`);
      }
    }
    for (const m of log.filter((m) => m.direction === 'in')) expect(m.sequence).toBeNull();
  });

  it('answers every 302 on a 301 and every 305 / 307 with our 306 / 308', () => {
    for (const m of ofKind('302')) {
      const sent = byId.get(m.replyToId!)!;
      expect(sent.kind).toBe('301');
      expect(sent.retourCodes).toEqual(m.retourCodes);
      expect(m.messageDate > sent.messageDate).toBe(true);
    }
    for (const [heen, retour] of [['305', '306'], ['307', '308']] as const) {
      expect(ofKind(retour).map((r) => byId.get(r.replyToId!)!.kind)).toEqual(ofKind(retour).map(() => heen));
      expect(ofKind(retour)).toHaveLength(ofKind(heen).length);
    }
  });

  it('gives the same register for the same history', () => {
    let m = 0;
    const again = demoIwmoLog(history.provisions, { today, now, gemeentecode: '0344', newId: () => `id-${++m}` });
    expect(again).toEqual(log);
  });
});
