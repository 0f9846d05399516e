// The pure rules of the annual report (shared/spec/reports.md): the reporting window of a yearly or
// quarterly report, rounding of means, the close-reason buckets and the keys for empty codes.
// No I/O; the SQL in annual-report.ts hands its grouped counts to these functions.

/** Bucket codes of codes.json `close_reason_buckets`. */
export const MULTIPLE_REASONS = 'meerdere_redenen';
export const UNKNOWN = 'onbekend';

export const MONTHS = 12;
export const QUARTERS = 4;

/**
 * The reporting window: from 1 January up to and including `end`.
 *
 * A yearly report runs to 31 December. A quarterly report (quarter Q) is the same object as the
 * yearly one, computed as if the year ended on the last day of quarter Q:
 * - months and quarters after Q are zero (means: null), because nothing after `end` is counted;
 * - months and quarters up to Q have exactly the values of the yearly report;
 * - every "year" figure is over the window 1 January .. end of Q: cases running in the window,
 *   distinct clients in the window, means over the cases of the window, satisfaction over the cases
 *   closed in the window, clients with a new provision starting in the window.
 */
export interface ReportWindow {
  year: number;
  /** 'YYYY-01-01' */
  start: string;
  /** Last day counted, 'YYYY-MM-DD' inclusive. */
  end: string;
  /** Number of quarters inside the window (1..4). */
  quarters: number;
  /** Number of months inside the window (3, 6, 9 or 12). */
  months: number;
}

export function reportWindow(year: number, quarter?: number): ReportWindow {
  if (!Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError(`year ${year}`);
  const quarters = quarter ?? QUARTERS;
  if (!Number.isInteger(quarters) || quarters < 1 || quarters > QUARTERS) throw new RangeError(`quarter ${quarter}`);
  return { year, start: `${pad(year, 4)}-01-01`, end: quarterBounds(year, quarters).end, quarters, months: quarters * 3 };
}

/**
 * A period a report counts in: a month (idx 1..12), a quarter (idx 1..4) or the window of a
 * cut-off (`year`: 1 January up to the end of quarter idx 1..4; idx 4 is the whole year).
 */
export interface ReportPeriod {
  kind: 'month' | 'quarter' | 'year';
  idx: number;
  start: string;
  end: string;
}

/**
 * The periods of the reports with these cut-offs (quarters 1..4): every month and quarter up to the
 * last cut-off, and the window of each cut-off. One report has one cut-off; the analyst's family
 * of reports (annual-family.ts) all four.
 */
export function reportPeriods(year: number, cutoffs: readonly number[]): ReportPeriod[] {
  const last = Math.max(...cutoffs);
  const months = Array.from({ length: 3 * last }, (_, i) => ({ kind: 'month' as const, idx: i + 1, ...monthBounds(year, i + 1) }));
  const quarters = Array.from({ length: last }, (_, i) => ({ kind: 'quarter' as const, idx: i + 1, ...quarterBounds(year, i + 1) }));
  const windows = [...cutoffs].sort((a, b) => a - b).map((q) => ({ kind: 'year' as const, idx: q, start: reportWindow(year, q).start, end: reportWindow(year, q).end }));
  return [...months, ...quarters, ...windows];
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Last day of a month (1..12), leap years included. */
export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** First and last day (inclusive) of a month 1..12. */
export function monthBounds(year: number, month: number): { start: string; end: string } {
  return { start: `${pad(year, 4)}-${pad(month, 2)}-01`, end: `${pad(year, 4)}-${pad(month, 2)}-${pad(lastDayOfMonth(year, month), 2)}` };
}

/** First and last day (inclusive) of a quarter 1..4. */
export function quarterBounds(year: number, quarter: number): { start: string; end: string } {
  return { start: monthBounds(year, quarter * 3 - 2).start, end: monthBounds(year, quarter * 3).end };
}

/** Quarter 1..4 of a month 1..12. */
export function quarterOfMonth(month: number): number {
  return Math.ceil(month / 3);
}

/** Rounds half away from zero to 2 decimals, robust against binary representation (1.005 → 1.01). */
export function round2(value: number): number {
  return Math.sign(value) * Math.round(Number((Math.abs(value) * 100).toPrecision(12))) / 100;
}

/** A mean rounded to 2 decimals; null when nothing qualifies. */
export function mean2(total: number, count: number): number | null {
  return count === 0 ? null : round2(total / count);
}

/** A percentage rounded to 2 decimals; null when there are no answers. */
export function percentage2(part: number, whole: number): number | null {
  return whole === 0 ? null : round2((100 * part) / whole);
}

/** The row of the close-reason table a closed case counts under. */
export function closeReasonBucket(reasons: readonly string[]): string {
  const distinct = [...new Set(reasons.filter((r) => r !== ''))];
  if (distinct.length === 0) return UNKNOWN;
  if (distinct.length >= 2) return MULTIPLE_REASONS;
  return distinct[0]!;
}

/** The referrer a case counts under: `onbekend` where none was registered. */
export function referrerKey(referrer: string | null | undefined): string {
  return referrer == null || referrer.trim() === '' ? UNKNOWN : referrer;
}

/** The ZRM type an assessment counts under: `onbekend` for old registrations without a type. */
export function zrmTypeKey(type: string | null | undefined): string {
  return type == null || type.trim() === '' ? UNKNOWN : type;
}

export interface PeriodCounts {
  months: number[];
  quarters: number[];
  year: number;
}
export interface QuarterCounts {
  quarters: number[];
  year: number;
}

export function emptyPeriodCounts(): PeriodCounts {
  return { months: Array<number>(MONTHS).fill(0), quarters: Array<number>(QUARTERS).fill(0), year: 0 };
}
export function emptyQuarterCounts(): QuarterCounts {
  return { quarters: Array<number>(QUARTERS).fill(0), year: 0 };
}

/** Adds a count of an additive measure (started, closed, ZRM rows) in month 1..12 to months, quarter and year. */
export function addToMonth(counts: PeriodCounts, month: number, n: number): void {
  counts.months[month - 1]! += n;
  counts.quarters[quarterOfMonth(month) - 1]! += n;
  counts.year += n;
}

/** Adds a count of an additive measure in quarter 1..4 to that quarter and the year. */
export function addToQuarter(counts: QuarterCounts, quarter: number, n: number): void {
  counts.quarters[quarter - 1]! += n;
  counts.year += n;
}

/** Sums of days and numbers of cases, from which means of any grouping follow exactly. */
export interface DaysTotal {
  days: number;
  cases: number;
}

/**
 * Days to first meeting from per-month, per-location totals: the mean per location per month,
 * per quarter and for the year over all locations (a mean of the cases, not of monthly means).
 */
export function daysToFirstMeeting(
  totals: readonly { month: number; location: string | null; days: number; cases: number }[],
  locations: readonly string[],
): { by_location: Record<string, { months: (number | null)[] }>; quarters: (number | null)[]; year: number | null } {
  const byLocation = new Map<string, DaysTotal[]>();
  const ensure = (location: string) => {
    let months = byLocation.get(location);
    if (!months) byLocation.set(location, (months = Array.from({ length: MONTHS }, () => ({ days: 0, cases: 0 }))));
    return months;
  };
  for (const location of locations) ensure(location);
  const quarters = Array.from({ length: QUARTERS }, () => ({ days: 0, cases: 0 }));
  const year = { days: 0, cases: 0 };
  for (const t of totals) {
    if (t.location) {
      const cell = ensure(t.location)[t.month - 1]!;
      cell.days += t.days;
      cell.cases += t.cases;
    }
    const quarter = quarters[quarterOfMonth(t.month) - 1]!;
    quarter.days += t.days;
    quarter.cases += t.cases;
    year.days += t.days;
    year.cases += t.cases;
  }
  const by_location: Record<string, { months: (number | null)[] }> = {};
  for (const [location, months] of byLocation) by_location[location] = { months: months.map((m) => mean2(m.days, m.cases)) };
  return { by_location, quarters: quarters.map((q) => mean2(q.days, q.cases)), year: mean2(year.days, year.cases) };
}

/** Satisfaction over closed cases, from counts per mark (null = no mark) and the answers to "kunt u zelf verder?". */
export function satisfaction(rows: readonly { score: number | null; cases: number; canContinueYes: number; canContinueAnswered: number }[]): {
  distribution: Record<string, number>;
  responses: number;
  mean: number | null;
  can_continue_alone_pct: number | null;
} {
  const distribution: Record<string, number> = {};
  for (let mark = 1; mark <= 10; mark++) distribution[String(mark)] = 0;
  let responses = 0;
  let total = 0;
  let yes = 0;
  let answered = 0;
  for (const row of rows) {
    yes += row.canContinueYes;
    answered += row.canContinueAnswered;
    if (row.score === null) continue;
    distribution[String(row.score)] = (distribution[String(row.score)] ?? 0) + row.cases;
    responses += row.cases;
    total += row.score * row.cases;
  }
  return { distribution, responses, mean: mean2(total, responses), can_continue_alone_pct: percentage2(yes, answered) };
}
