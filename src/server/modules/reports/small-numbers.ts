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
export interface AdditiveGroup<K = string> {
  members: readonly K[];
  total: K;
}

/**
 * Which counts to suppress: every count of 1 up to `minCount` (small), then the group rule
 * (`secondarySuppression`) until nothing changes.
 */
export function suppressCounts<K>(counts: ReadonlyMap<K, number>, groups: readonly AdditiveGroup<K>[], minCount: number): Map<K, 'small' | 'secondary'> {
  const marks = new Map<K, 'small' | 'secondary'>();
  for (const [key, n] of counts) if (isSmallCount(n, minCount)) marks.set(key, 'small');
  secondarySuppression(counts, new GroupIndex(groups), marks, minCount);
  return marks;
}

export interface GroupRuleOptions<K> {
  /** Cells nobody sees although they are not marked (a population no report publishes, a stock suppressed elsewhere). */
  hidden?: { has(key: K): boolean };
  /** Cells the rule may suppress (default: every cell). */
  eligible?: (key: K) => boolean;
  /** Look only at the groups of these cells (marked since the rule last ran) and what follows from them; default: every group. */
  changed?: Iterable<K>;
}

/** Groups with, per cell, the groups it is in: made once when the rule runs more than once. */
export class GroupIndex<K = string> {
  readonly cellsOf: K[][];
  readonly groupsOf = new Map<K, number[]>();

  constructor(readonly groups: readonly AdditiveGroup<K>[]) {
    this.cellsOf = groups.map((group) => [...group.members, group.total]);
    this.cellsOf.forEach((keys, index) => {
      for (const key of keys) {
        const list = this.groupsOf.get(key);
        if (list) list.push(index);
        else this.groupsOf.set(key, [index]);
      }
    });
  }
}

/**
 * The group rule, until nothing changes: in every group where a suppressed cell could be
 * recalculated, a further cell (secondary): the smallest shown non-zero eligible count of the
 * group, a member before the total. A group is safe when none of its cells is hidden, or at least
 * two are and, with the total shown, the hidden members together hold at least `minCount` (two
 * hidden ones of 1 and 2 would still give 3 away). Adds to `marks`.
 */
export function secondarySuppression<K>(counts: ReadonlyMap<K, number>, index: GroupIndex<K>, marks: Map<K, 'small' | 'secondary'>, minCount: number, options: GroupRuleOptions<K> = {}): void {
  const isHidden = (key: K) => marks.has(key) || (options.hidden?.has(key) ?? false);
  const eligible = options.eligible ?? (() => true);
  const queued = new Set<number>();
  const queue: number[] = [];
  const enqueue = (group: number) => {
    if (queued.has(group)) return;
    queued.add(group);
    queue.push(group);
  };
  if (options.changed) for (const key of options.changed) for (const group of index.groupsOf.get(key) ?? []) enqueue(group);
  else index.groups.forEach((_, group) => enqueue(group));
  for (let head = 0; head < queue.length; head++) {
    const at = queue[head]!;
    queued.delete(at);
    const extra = secondaryCell(index.groups[at]!, index.cellsOf[at]!, counts, isHidden, eligible, minCount);
    if (extra === null) continue;
    marks.set(extra, 'secondary');
    for (const other of index.groupsOf.get(extra) ?? []) enqueue(other);
    // This group may need yet another cell.
    enqueue(at);
  }
}

function secondaryCell<K>(group: AdditiveGroup<K>, keys: readonly K[], counts: ReadonlyMap<K, number>, isHidden: (key: K) => boolean, eligible: (key: K) => boolean, minCount: number): K | null {
  let hidden = 0;
  let hiddenMembers = 0;
  for (const key of group.members) {
    if (isHidden(key)) {
      hidden++;
      hiddenMembers += counts.get(key) ?? 0;
    }
  }
  const totalHidden = isHidden(group.total);
  if (totalHidden) hidden++;
  if (hidden === 0) return null;
  const exposed = hidden === 1 || (!totalHidden && hiddenMembers < minCount);
  if (!exposed) return null;
  let best: K | null = null;
  let bestCount = Infinity;
  for (const key of keys) {
    const n = counts.get(key) ?? 0;
    if (n <= 0 || n >= bestCount || isHidden(key) || !eligible(key)) continue;
    best = key;
    bestCount = n;
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
