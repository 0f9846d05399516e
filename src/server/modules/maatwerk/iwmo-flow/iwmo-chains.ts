// A toewijzing as the provider knows it (pure): the chain of a first link (with the ToewijzingNummer)
// and its extensions is one ToegewezenProduct in a 301 (docs/iwmo.md §5.1, OP380), with the root's
// start, the end of the last link that stands, and the reason and moment of the latest change
// (IV013: the most recent Toewijzingsdatum+tijd wins). Which chains changed since the last 301 is
// read from each link's `sentVersion`.
import { CHANGE_REASON_DELETED, type ChangeReason } from '../iwmo/iwmo-codes';

/** RedenWijziging when an extension is undone (voided): registered in error, so an administrative correction (WMO002 14). */
export const CHANGE_REASON_UNDONE_EXTENSION: ChangeReason = '14';

/** The columns of a provisions row the chain needs. */
export interface ChainLinkRow {
  id: string;
  extendsProvisionId: string | null;
  assignmentNumber: number | null;
  clientId: string;
  provider: string;
  providerAgb: string | null;
  category: string;
  product: string;
  startOn: string;
  endOn: string | null;
  voided: boolean;
  changeReason: string | null;
  assignedAt: Date | null;
  createdAt: Date;
  volume: number | null;
  unit: string | null;
  frequency: string | null;
  version: number;
  sentVersion: number | null;
}

export interface Chain<L extends ChainLinkRow = ChainLinkRow> {
  /** The first link: it carries the ToewijzingNummer. */
  root: L;
  /** Every link, the root first, then the extensions in the order they continue (undone ones included). */
  links: L[];
}

/** What the chain says now, as one ToegewezenProduct. */
export interface ChainAssignment {
  assignmentNumber: number;
  startOn: string;
  /** The last standing link's end; for a voided chain its start (CS335). */
  endOn: string | null;
  /** WMO002; null on first issue (IV099). */
  changeReason: ChangeReason | null;
  /** The moment the latest change was decided (Toewijzingsdatum and -tijd). */
  decidedAt: Date;
  voided: boolean;
}

/**
 * The chains of these rows: every row without `extendsProvisionId` is a root, and a row extending
 * one belongs to its chain. Rows whose root is not among them are left out.
 */
export function buildChains<L extends ChainLinkRow>(rows: readonly L[]): Chain<L>[] {
  const children = new Map<string, L[]>();
  for (const row of rows) {
    if (!row.extendsProvisionId) continue;
    const list = children.get(row.extendsProvisionId) ?? [];
    list.push(row);
    children.set(row.extendsProvisionId, list);
  }
  const chains: Chain<L>[] = [];
  for (const root of rows) {
    if (root.extendsProvisionId) continue;
    const links: L[] = [];
    const visit = (link: L) => {
      links.push(link);
      // An undone extension first, then the one that stands, so the standing path ends the list.
      const next = [...(children.get(link.id) ?? [])].sort((a, b) => Number(b.voided) - Number(a.voided) || a.startOn.localeCompare(b.startOn));
      for (const child of next) visit(child);
    };
    visit(root);
    chains.push({ root, links });
  }
  return chains;
}

/** The links that stand: the root and, from each, its extension that is not voided. */
export function standingLinks<L extends ChainLinkRow>(chain: Chain<L>): L[] {
  if (chain.root.voided) return [];
  const path: L[] = [chain.root];
  for (;;) {
    const last = path[path.length - 1]!;
    const next = chain.links.find((l) => l.extendsProvisionId === last.id && !l.voided);
    if (!next) return path;
    path.push(next);
  }
}

const decidedAt = (link: ChainLinkRow): Date => link.assignedAt ?? link.createdAt;

/** An extension undone before any 301 carried it: the provider never heard of it, so it is no change to them. */
const neverSentUndoneExtension = (link: ChainLinkRow): boolean => link.extendsProvisionId !== null && link.voided && link.sentVersion === null;

/** The chain as one ToegewezenProduct. */
export function chainAssignment(chain: Chain): ChainAssignment {
  const { root } = chain;
  const assignmentNumber = root.assignmentNumber!;
  if (root.voided) {
    return { assignmentNumber, startOn: root.startOn, endOn: root.startOn, changeReason: CHANGE_REASON_DELETED, decidedAt: decidedAt(root), voided: true };
  }
  const standing = standingLinks(chain);
  const latest = chain.links.filter((l) => !neverSentUndoneExtension(l)).reduce((a, b) => (decidedAt(b) > decidedAt(a) ? b : a));
  const changeReason = latest.voided ? CHANGE_REASON_UNDONE_EXTENSION : ((latest.changeReason as ChangeReason | null) ?? null);
  return { assignmentNumber, startOn: root.startOn, endOn: standing[standing.length - 1]!.endOn, changeReason, decidedAt: decidedAt(latest), voided: false };
}

/** A link changed since the 301 that last carried it (or never went out). */
export function chainChanged(chain: Chain): boolean {
  return chain.links.some((l) => l.sentVersion !== l.version);
}

/** Current on `today`: not voided and not ended before it (OP087: valid on or after the message's date). */
export function isCurrent(assignment: ChainAssignment, today: string): boolean {
  return !assignment.voided && (assignment.endOn === null || assignment.endOn >= today);
}

/** "YYYY-MM-DD" and "HH:MM:SS" of a moment in the Netherlands (Toewijzingsdatum, Toewijzingstijd). */
export function dateAndTimeInNetherlands(moment: Date): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Amsterdam',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(moment)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}:${parts.second}` };
}
