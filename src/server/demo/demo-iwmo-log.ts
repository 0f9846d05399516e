// The demo's iWmo message register (iwmo_messages) for its last weeks, derived from the toewijzingen
// of the synthetic history, so the beheerder's "iWmo-berichten" shows traffic as a connected
// municipality has it. The demo's gateway ran every working day: on the day a toewijzing was made
// (or extended, or voided) a WMO301 went to its provider, who accepted it with a WMO302 the next
// morning; the provider's WMO305 came two days after the real start and its WMO307 two days after
// the end, each answered by our WMO306 / WMO308 (no retour codes). Older traffic is not in the
// register: the demo's gateway was connected IWMO_LOG_DAYS ago (everything decided before that day
// is known to its provider as sent, provisions.sent_version 1).
//
// Pure and without random draws: the same history gives the same register (only the ids differ).
// The files themselves are not in the demo's folders: the register says what passed through them.
import type { IwmoDirection, IwmoMessageKind, IwmoRetourCodes } from '../db/schema';
import { RETOUR_KIND } from '../modules/maatwerk/iwmo/iwmo-format';
import { identificationOf } from '../modules/maatwerk/iwmo-flow/iwmo-messages.repo';
import { DAY_MS, dayNumber, isoDay, weekday, type DemoProvision } from './synthetic-history';

/** How far back the demo's register goes. */
export const IWMO_LOG_DAYS = 56;

export interface DemoIwmoMessage {
  id: string;
  direction: IwmoDirection;
  kind: IwmoMessageKind;
  messageId: string;
  messageDate: string;
  /** Our own messages only. */
  sequence: number | null;
  providerAgb: string;
  clientId: string;
  fileName: string;
  outcome: 'geschreven' | 'verwerkt';
  retourCodes: IwmoRetourCodes | null;
  assignmentNumbers: number[] | null;
  replyToId: string | null;
  createdAt: Date;
}

export interface IwmoLogOptions {
  /** The history's last day (YYYY-MM-DD). */
  today: string;
  /** No message lies after this moment. */
  now: Date;
  gemeentecode: string;
  newId: () => string;
}

/** The day itself on a weekday; Saturday and Sunday move to Monday. */
const workingDay = (day: number): number => {
  const w = weekday(day);
  return w === 6 ? day + 2 : w === 0 ? day + 1 : day;
};
const accepted: IwmoRetourCodes = { header: ['0200'], client: ['0200'], assignments: [], other: [], accepted: true };
const noCodes: IwmoRetourCodes = { header: [], records: [] };

export function demoIwmoLog(provisions: readonly DemoProvision[], options: IwmoLogOptions): DemoIwmoMessage[] {
  const today = dayNumber(options.today);
  const from = today - IWMO_LOG_DAYS;
  const at = (day: number, hour: number, minute: number): Date => new Date(Math.min(day * DAY_MS + ((hour - 1) * 60 + minute) * 60_000, options.now.getTime()));

  const byId = new Map(provisions.map((p) => [p.id, p]));
  /** The chain's first link: it holds the ToewijzingNummer and the provider's reported dates. */
  const rootOf = (p: DemoProvision): DemoProvision => (p.extendsProvisionId ? rootOf(byId.get(p.extendsProvisionId)!) : p);

  // The 301s: one per client, provider and day, with the chains that changed that day.
  const sent = new Map<string, { day: number; clientId: string; agb: string; numbers: Set<number> }>();
  for (const link of provisions) {
    if (link.sentVersion !== 1 || !link.assignedAt || !link.providerAgb) continue;
    const day = workingDay(dayNumber(link.assignedAt.toISOString().slice(0, 10)));
    if (day < from || day > today) continue;
    const number = rootOf(link).assignmentNumber;
    if (number == null) continue;
    const key = `${day}|${link.clientId}|${link.providerAgb}`;
    const entry = sent.get(key) ?? { day, clientId: link.clientId, agb: link.providerAgb, numbers: new Set<number>() };
    entry.numbers.add(number);
    sent.set(key, entry);
  }
  // The provider's reports on the chains it knows: a start and an end inside the window.
  const reports: { kind: '305' | '307'; day: number; clientId: string; agb: string; number: number }[] = [];
  for (const root of provisions) {
    if (root.extendsProvisionId || root.sentVersion !== 1 || root.assignmentNumber == null || !root.providerAgb || root.voided) continue;
    for (const [kind, date] of [['305', root.deliveryStartedOn], ['307', root.deliveryEndedOn]] as const) {
      if (!date) continue;
      const day = workingDay(dayNumber(date) + 2);
      if (day >= from && day <= today) reports.push({ kind, day, clientId: root.clientId, agb: root.providerAgb, number: root.assignmentNumber });
    }
  }

  // Numbered in the order they happened; ties by the first ToewijzingNummer (never by an id).
  const outgoing = [...sent.values()]
    .map((s) => ({ ...s, numbers: [...s.numbers].sort((a, b) => a - b) }))
    .sort((a, b) => a.day - b.day || a.numbers[0]! - b.numbers[0]!);
  reports.sort((a, b) => a.day - b.day || a.number - b.number || a.kind.localeCompare(b.kind));

  const sequences = new Map<IwmoMessageKind, number>();
  const next = (kind: IwmoMessageKind) => {
    const n = (sequences.get(kind) ?? 0) + 1;
    sequences.set(kind, n);
    return n;
  };
  /** The provider's own message numbers (its system counts per municipality). */
  let providerCounter = 0;
  const ours = (kind: IwmoMessageKind, agb: string, sequence: number) => `WMO${kind}_${options.gemeentecode}_${agb}_${identificationOf(sequence)}.xml`;
  const log: DemoIwmoMessage[] = [];

  for (const s of outgoing) {
    const sequence = next('301');
    const message: DemoIwmoMessage = {
      id: options.newId(),
      direction: 'out',
      kind: '301',
      messageId: identificationOf(sequence),
      messageDate: isoDay(s.day),
      sequence,
      providerAgb: s.agb,
      clientId: s.clientId,
      fileName: ours('301', s.agb, sequence),
      outcome: 'geschreven',
      retourCodes: null,
      assignmentNumbers: s.numbers,
      replyToId: null,
      createdAt: at(s.day, 17, 0),
    };
    log.push(message);
    const answered = workingDay(s.day + 1);
    if (answered > today) continue;
    message.retourCodes = accepted;
    const retourId = `R${String(++providerCounter).padStart(9, '0')}`;
    log.push({
      id: options.newId(),
      direction: 'in',
      kind: '302',
      messageId: retourId,
      messageDate: isoDay(answered),
      sequence: null,
      providerAgb: s.agb,
      clientId: s.clientId,
      fileName: `WMO302_${s.agb}_${options.gemeentecode}_${retourId}.xml`,
      outcome: 'verwerkt',
      retourCodes: accepted,
      assignmentNumbers: null,
      replyToId: message.id,
      createdAt: at(answered, 8, 0),
    });
  }
  for (const r of reports) {
    const heenId = `H${String(++providerCounter).padStart(9, '0')}`;
    const heen: DemoIwmoMessage = {
      id: options.newId(),
      direction: 'in',
      kind: r.kind,
      messageId: heenId,
      messageDate: isoDay(r.day),
      sequence: null,
      providerAgb: r.agb,
      clientId: r.clientId,
      fileName: `WMO${r.kind}_${r.agb}_${options.gemeentecode}_${heenId}.xml`,
      outcome: 'verwerkt',
      retourCodes: null,
      assignmentNumbers: null,
      replyToId: null,
      createdAt: at(r.day, 8, 5),
    };
    const kind = RETOUR_KIND[r.kind];
    const sequence = next(kind);
    log.push(heen, {
      id: options.newId(),
      direction: 'out',
      kind,
      messageId: identificationOf(sequence),
      messageDate: isoDay(r.day),
      sequence,
      providerAgb: r.agb,
      clientId: r.clientId,
      fileName: ours(kind, r.agb, sequence),
      outcome: 'geschreven',
      retourCodes: noCodes,
      assignmentNumbers: null,
      replyToId: heen.id,
      createdAt: at(r.day, 8, 5),
    });
  }
  return log;
}
