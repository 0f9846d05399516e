// The quality registers' rules: kinds, incident categories, the handling statuses and which
// changes of status are allowed. Pure: no I/O; shared with the web app.
import type { FieldProblem } from '../../lib/errors';
import type { Actor } from '../../access/actor';
import { worksInTeam } from '../../access/permissions';

export const QUALITY_KINDS = ['klacht', 'bezwaar', 'incident'] as const;
export type QualityKind = (typeof QUALITY_KINDS)[number];
export const QUALITY_KIND_LABELS: Record<QualityKind, string> = { klacht: 'Klacht', bezwaar: 'Bezwaar', incident: 'Incident' };
/** Plural, for counts and headings. */
export const QUALITY_KIND_PLURALS: Record<QualityKind, string> = { klacht: 'Klachten', bezwaar: 'Bezwaren', incident: 'Incidenten' };

export const INCIDENT_CATEGORIES = ['agressie_verbaal', 'agressie_fysiek', 'bedreiging', 'discriminatie', 'datalek', 'overig'] as const;
export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number];
export const INCIDENT_CATEGORY_LABELS: Record<IncidentCategory, string> = {
  agressie_verbaal: 'Verbale agressie',
  agressie_fysiek: 'Fysieke agressie',
  bedreiging: 'Bedreiging',
  discriminatie: 'Discriminatie',
  datalek: 'Datalek',
  overig: 'Overig',
};

export const QUALITY_STATUSES = ['open', 'in_behandeling', 'afgehandeld'] as const;
export type QualityStatus = (typeof QUALITY_STATUSES)[number];
export const QUALITY_STATUS_LABELS: Record<QualityStatus, string> = { open: 'Open', in_behandeling: 'In behandeling', afgehandeld: 'Afgehandeld' };

const ORDER: Record<QualityStatus, number> = { open: 0, in_behandeling: 1, afgehandeld: 2 };

/** The cross-field rules of a new report: a category for incidents only; occurred on or before received. */
export function filingProblems(input: { kind: string; category?: string | null; occurredOn: string; receivedOn: string }): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (input.kind === 'incident' && !input.category) problems.push({ path: 'category', message: 'Kies de soort incident' });
  if (input.kind !== 'incident' && input.category) problems.push({ path: 'category', message: 'Alleen een incident heeft een soort' });
  if (input.occurredOn > input.receivedOn) problems.push({ path: 'occurredOn', message: 'Het voorval kan niet na de ontvangst van de melding liggen' });
  return problems;
}

/** Back from afgehandeld to open or in behandeling. */
export function isReopening(from: QualityStatus, to: QualityStatus): boolean {
  return from === 'afgehandeld' && to !== 'afgehandeld';
}

export interface Handling {
  status: QualityStatus;
  evaluation: string;
  lessonLearned: string;
  reopenReason: string;
}

/**
 * Whether a report may go from `from` to the handling asked for: forward (open → in behandeling →
 * afgehandeld, a step may be skipped), closing only with an evaluation and the lesson learned,
 * reopening a closed report only with a reason; in behandeling never goes back to open.
 */
export function handlingProblems(from: QualityStatus, next: Handling): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (next.status === 'afgehandeld') {
    if (!next.evaluation.trim()) problems.push({ path: 'evaluation', message: 'Beschrijf de evaluatie voordat u de melding afhandelt' });
    if (!next.lessonLearned.trim()) problems.push({ path: 'lessonLearned', message: 'Beschrijf de les voor de organisatie voordat u de melding afhandelt' });
  }
  if (isReopening(from, next.status)) {
    if (!next.reopenReason.trim()) problems.push({ path: 'reopenReason', message: 'Leg uit waarom de melding weer wordt geopend' });
  } else if (ORDER[next.status] < ORDER[from]) {
    problems.push({ path: 'status', message: 'Een melding in behandeling gaat niet terug naar open' });
  }
  return problems;
}

/** The team a report is filed for: a team member's own team; kwaliteit's choice (or none). */
export function filingTeam(actor: Actor, requested: string | null | undefined): { teamId: string | null } | { problem: string } {
  if (worksInTeam(actor.role)) {
    if (requested && requested !== actor.teamId) return { problem: 'U meldt voor uw eigen team' };
    return { teamId: actor.teamId };
  }
  return { teamId: requested ?? null };
}
