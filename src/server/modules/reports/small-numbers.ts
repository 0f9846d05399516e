// Publishing small numbers (shared/reference/standards.md): figures that leave the organisation
// must not let a person be recognised. Counts of 1 up to the threshold are suppressed (0 stays 0),
// and so are the cells from which a suppressed count could be recalculated; means (and other
// statistics) over fewer observations than the second threshold are not shown. Pure: no I/O;
// shared with the web app (markers and the explanation).

export interface SmallNumberSettings {
  /** Counts from 1 to minCount − 1 are suppressed. */
  minCount: number;
  /** Means, medians and tests over fewer observations are suppressed. */
  minObservations: number;
}

export const DEFAULT_SMALL_NUMBERS: SmallNumberSettings = { minCount: 5, minObservations: 10 };

/** The settings from the environment: SMALL_NUMBERS_MIN_COUNT and SMALL_NUMBERS_MIN_OBSERVATIONS. */
export function readSmallNumberSettings(env: Record<string, string | undefined>): SmallNumberSettings {
  const read = (name: string, fallback: number) => {
    const text = env[name];
    if (text === undefined || text === '') return fallback;
    const value = Number(text);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1, got "${text}"`);
    return value;
  };
  return { minCount: read('SMALL_NUMBERS_MIN_COUNT', DEFAULT_SMALL_NUMBERS.minCount), minObservations: read('SMALL_NUMBERS_MIN_OBSERVATIONS', DEFAULT_SMALL_NUMBERS.minObservations) };
}

/** Whose report output leaves the organisation: the analyst's (the municipality, a residents' panel). */
export function publishesOutside(role: string): boolean {
  return role === 'analist';
}

/** The thresholds to apply to an actor's reports; null: exact figures (the output stays inside). */
export function smallNumbersFor(actor: { role: string }, settings: SmallNumberSettings): SmallNumberSettings | null {
  return publishesOutside(actor.role) ? settings : null;
}

/**
 * Why a cell is not shown: `small` a count of 1 up to the threshold; `secondary` a count from which
 * a suppressed one could be recalculated; `few_observations` a statistic over too few observations.
 */
export const SUPPRESSION_REASONS = ['small', 'secondary', 'few_observations'] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];

export function isSmallCount(n: number, minCount: number): boolean {
  return n > 0 && n < minCount;
}

/** A mean over `observations` is shown when there is nothing (null anyway) or enough. */
export function tooFewObservations(observations: number, minObservations: number): boolean {
  return observations > 0 && observations < minObservations;
}

/** The cells of a table that add up: the members sum to the total (which may be a cell nobody sees). */
export interface AdditiveGroup {
  members: readonly string[];
  total: string;
}

/**
 * Which counts to suppress: every count of 1 up to `minCount` (small), then, until nothing changes,
 * in every group where a suppressed cell could be recalculated a further cell (secondary): the
 * smallest shown non-zero count of the group, a member before the total. A group is safe when none
 * of its cells is suppressed, or at least two are and, with the total shown, the suppressed members
 * together hold at least `minCount` (two suppressed ones of 1 and 2 would still give 3 away).
 */
export function suppressCounts(counts: ReadonlyMap<string, number>, groups: readonly AdditiveGroup[], minCount: number): Map<string, 'small' | 'secondary'> {
  const marks = new Map<string, 'small' | 'secondary'>();
  for (const [key, n] of counts) if (isSmallCount(n, minCount)) marks.set(key, 'small');
  const groupsOf = new Map<string, number[]>();
  groups.forEach((group, index) => {
    for (const key of [...group.members, group.total]) {
      const list = groupsOf.get(key);
      if (list) list.push(index);
      else groupsOf.set(key, [index]);
    }
  });
  const queue = groups.map((_, index) => index);
  const queued = new Set(queue);
  while (queue.length > 0) {
    const index = queue.shift()!;
    queued.delete(index);
    const extra = secondaryCell(groups[index]!, counts, marks, minCount);
    if (extra === null) continue;
    marks.set(extra, 'secondary');
    for (const other of groupsOf.get(extra) ?? []) {
      if (!queued.has(other)) {
        queued.add(other);
        queue.push(other);
      }
    }
    // This group may need yet another cell.
    if (!queued.has(index)) {
      queued.add(index);
      queue.push(index);
    }
  }
  return marks;
}

function secondaryCell(group: AdditiveGroup, counts: ReadonlyMap<string, number>, marks: ReadonlyMap<string, unknown>, minCount: number): string | null {
  const keys = [...group.members, group.total];
  const hidden = keys.filter((key) => marks.has(key));
  if (hidden.length === 0) return null;
  const hiddenMembers = group.members.filter((key) => marks.has(key)).reduce((sum, key) => sum + (counts.get(key) ?? 0), 0);
  const exposed = hidden.length === 1 || (!marks.has(group.total) && hiddenMembers < minCount);
  if (!exposed) return null;
  let best: string | null = null;
  let bestCount = Infinity;
  for (const key of keys) {
    const n = counts.get(key) ?? 0;
    if (marks.has(key) || n <= 0) continue;
    if (n < bestCount) {
      best = key;
      bestCount = n;
    }
  }
  return best;
}

/** A cell's address in a report: a JSON Pointer (RFC 6901), e.g. `/cases/started/months/0`. */
export function pointer(...parts: (string | number)[]): string {
  return parts.map((part) => `/${String(part).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/** Sets the value at a JSON Pointer of an object (which must exist up to the last step). */
export function setAtPointer(target: unknown, at: string, value: unknown): void {
  const parts = at.split('/').slice(1).map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'));
  let node = target as Record<string, unknown>;
  for (const part of parts.slice(0, -1)) node = node[part] as Record<string, unknown>;
  node[parts[parts.length - 1]!] = value;
}

/** How a suppressed cell is shown in the CSV, the Excel file and on screen. */
export function suppressionMarker(reason: SuppressionReason, settings: { min_count: number }): string {
  return reason === 'small' ? `<${settings.min_count}` : 'x';
}

/** The explanation that goes with suppressed figures (CSV header line, report pages). */
export function suppressionExplanation(settings: { min_count: number; min_observations: number }): string {
  return (
    `Kleine aantallen zijn afgeschermd, zodat niemand herkenbaar is: “<${settings.min_count}” is een aantal van 1 tot en met ${settings.min_count - 1}. ` +
    `“x” is niet getoond, omdat een afgeschermd aantal er anders uit terug te rekenen is, of omdat een gemiddelde of toets over minder dan ${settings.min_observations} waarnemingen gaat. ` +
    'Totalen tellen de afgeschermde aantallen wel mee.'
  );
}
