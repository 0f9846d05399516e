// An attacker on the analyst's published reports, for the tests. It takes every variant the
// analyst can fetch (the annual report for the year and up to each quarter, for the organisation
// and every team; the ZRM report for the organisation and every team; the Uitstroom report for the
// organisation and every team; the Cijfers page) and
// writes down, from the definitions in ../shared/spec/reports.md and not from the code under
// test, every linear identity between their cells. Published cells are known, suppressed cells and
// populations nobody publishes are unknowns; exact elimination (linear-attack.ts) tells which
// unknowns follow. A suppressed cell that follows, or a count of 1–4 that follows, is a leak.
//
// Cells are named by what they count, so that the same figure in two variants is one cell:
//   <year>|<scope>|<table path>|<period>   scope: 'org' or a team code;
//   period M0..M11 (month), Q0..Q3 (quarter), C1..C4 (1 January up to the end of quarter 1..4).
// The stock of open cases at the start of a day is `stock|<scope>|<date>`: shared by the year
// before and the year after (and by the Cijfers page, for today).
import { analyse, type SparseRow } from '../../src/server/modules/reports/linear-attack';
import type { AnnualReport, PublishedAnnualReport } from '../../src/server/modules/reports/reports.schemas';
import type { PublishedZrmReport, ZrmReport } from '../../src/server/modules/zrm/zrm.schemas';
import { monthMoments } from '../../src/server/modules/reports/flow-rules';
import { writeFlowIdentities, type FlowVariant } from './flow-attack';

export interface AnnualVariant {
  year: number;
  quarter: 1 | 2 | 3 | 4;
  /** null: the organisation. */
  team: string | null;
  published: PublishedAnnualReport;
  exact: AnnualReport;
}

export interface ZrmVariant {
  year: number;
  team: string | null;
  published: PublishedZrmReport;
  exact: ZrmReport;
}

/** The Cijfers page as the analyst and an exact reader see it (one row per team, by team code). */
export interface FiguresVariant {
  published: Record<string, Record<string, number | null>>;
  exact: Record<string, Record<string, number | null>>;
}

interface Cell {
  /** Some variant publishes it. */
  known: boolean;
  /** Some variant shows it suppressed (null). */
  suppressed: boolean;
  /** A population no variant publishes (a stock, what a cut-off adds). */
  virtual: boolean;
  /** A hidden mean's sum: a leak when it follows (the ZRM report's means over few clients). */
  protectedSum?: boolean;
  exact: number;
  where: string[];
}

export interface Leak {
  cell: string;
  exact: number;
  why: 'suppressed' | 'published elsewhere' | 'small population' | 'hidden mean';
  /** Where the cell is shown or suppressed. */
  where: string[];
}

export interface AttackResult {
  cells: number;
  unknowns: number;
  equations: number;
  leaks: Leak[];
  /** Published counts of 1 up to minCount − 1 (must be none), as `variant pointer = value`. */
  smallPublished: string[];
  /** A published value that differs from the exact one. */
  wrong: string[];
}

const quarterOf = (q: number) => Array.from({ length: q }, (_, j) => j);

export class FamilyAttack {
  private readonly cells = new Map<string, Cell>();
  private readonly equations: Map<string, number>[] = [];
  readonly smallPublished: string[] = [];
  readonly wrong: string[] = [];

  constructor(private readonly minCount = 5) {}

  private cell(key: string, published: number | null | undefined, exact: number, where: string, options: { count?: boolean } = {}): void {
    let cell = this.cells.get(key);
    if (!cell) this.cells.set(key, (cell = { known: false, suppressed: false, virtual: false, exact, where: [] }));
    if (cell.exact !== exact) throw new Error(`${key}: exact value ${exact} in ${where}, ${cell.exact} in ${cell.where[0]}`);
    cell.where.push(where);
    if (published === null) cell.suppressed = true;
    else if (published !== undefined) {
      cell.known = true;
      if (published !== exact) this.wrong.push(`${where} = ${published}, exactly ${exact}`);
      if (options.count !== false && published > 0 && published < this.minCount) this.smallPublished.push(`${where} = ${published}`);
    }
  }

  private virtual(key: string, exact: number): void {
    const cell = this.cells.get(key);
    if (cell) {
      if (cell.exact !== exact) throw new Error(`${key}: ${exact} and ${cell.exact}`);
      return;
    }
    this.cells.set(key, { known: false, suppressed: false, virtual: true, exact, where: [] });
  }

  /** Σ terms = 0 */
  private equation(terms: [string, number][]): void {
    const row = new Map<string, number>();
    for (const [key, coefficient] of terms) row.set(key, (row.get(key) ?? 0) + coefficient);
    this.equations.push(row);
  }

  private sum(total: string, members: string[]): void {
    this.equation([[total, -1], ...members.map((m): [string, number] => [m, 1])]);
  }

  /** The cells of a months/quarters/year or quarters/year count of one variant. */
  private periods(base: string, where: string, quarter: number, published: { months?: (number | null)[]; quarters: (number | null)[]; year: number | null }, exact: { months?: number[]; quarters: number[]; year: number }): void {
    if (exact.months) {
      for (let i = 0; i < 12; i++) {
        if (i < 3 * quarter) this.cell(`${base}|M${i}`, published.months![i], exact.months[i]!, `${where}/months/${i}`);
        else this.outside(`${where}/months/${i}`, published.months![i], exact.months[i]!);
      }
    }
    for (let j = 0; j < 4; j++) {
      if (j < quarter) this.cell(`${base}|Q${j}`, published.quarters[j], exact.quarters[j]!, `${where}/quarters/${j}`);
      else this.outside(`${where}/quarters/${j}`, published.quarters[j], exact.quarters[j]!);
    }
    this.cell(`${base}|C${quarter}`, published.year, exact.year, `${where}/year`);
  }

  /** A period after the cut-off: zero by definition, so it tells nothing. */
  private outside(where: string, published: number | null | undefined, exact: number): void {
    if (exact !== 0 || (published !== 0 && published !== undefined)) this.wrong.push(`${where} after the cut-off = ${published} (exactly ${exact})`);
  }

  /** Additive over time: months → quarters, quarters → every cut-off. */
  private additive(base: string, withMonths: boolean): void {
    if (withMonths) for (const j of quarterOf(4)) this.sum(`${base}|Q${j}`, [0, 1, 2].map((m) => `${base}|M${3 * j + m}`));
    for (let q = 1; q <= 4; q++) this.sum(`${base}|C${q}`, quarterOf(q).map((j) => `${base}|Q${j}`));
  }

  /** A distinct count per cut-off: each cut-off adds the ones not counted before (a population nobody publishes). */
  private cumulative(base: string, exactByCutoff: number[]): void {
    for (let q = 2; q <= 4; q++) {
      this.virtual(`${base}|N${q}`, exactByCutoff[q - 1]! - exactByCutoff[q - 2]!);
      this.sum(`${base}|C${q}`, [`${base}|C${q - 1}`, `${base}|N${q}`]);
    }
  }

  addAnnual(variants: readonly AnnualVariant[]): void {
    const years = [...new Set(variants.map((v) => v.year))];
    for (const year of years) {
      const ofYear = variants.filter((v) => v.year === year);
      const full = ofYear.filter((v) => v.quarter === 4);
      const org = full.find((v) => v.team === null)!.exact;
      const teams = Object.keys(org.teams);
      const scopes = ['org', ...teams];
      const scopeOf = (v: AnnualVariant) => v.team ?? 'org';
      for (const v of ofYear) {
        const s = scopeOf(v);
        const at = `${year}|${s}`;
        const where = `${year} K${v.quarter} ${s}: `;
        const p = v.published;
        const e = v.exact;
        for (const m of ['started', 'running', 'closed'] as const) this.periods(`${at}|${m}`, `${where}/cases/${m}`, v.quarter, p.cases[m], e.cases[m]);
        for (const [t, counts] of Object.entries(e.teams)) {
          for (const m of ['started', 'running', 'closed'] as const) this.periods(`${year}|${t}|${m}`, `${where}/teams/${t}/${m}`, v.quarter, p.teams[t]![m], counts[m]);
          this.periods(`${year}|${t}|unique_clients`, `${where}/teams/${t}/unique_clients`, v.quarter, p.teams[t]!.unique_clients, counts.unique_clients);
        }
        this.periods(`${at}|unique_clients`, `${where}/unique_clients`, v.quarter, p.unique_clients, e.unique_clients);
        for (const table of ['started_by_referrer', 'closed_by_reason', 'clients_by_outcome'] as const) {
          for (const [code, counts] of Object.entries(e[table])) this.periods(`${at}|${table}|${code}`, `${where}/${table}/${code}`, v.quarter, p[table][code]!, counts);
        }
        for (const by of ['new_by_provider', 'new_by_product'] as const) {
          for (const [category, items] of Object.entries(e.provisions[by])) {
            for (const [code, counts] of Object.entries(items)) this.periods(`${at}|${by}|${category}|${code}`, `${where}/provisions/${by}/${category}/${code}`, v.quarter, p.provisions[by][category]![code]!, counts);
          }
        }
        this.periods(`${at}|extensions`, `${where}/provisions/extensions`, v.quarter, p.provisions.extensions, e.provisions.extensions);
        this.cell(`${at}|clients_with_new_provision|C${v.quarter}`, p.provisions.clients_with_new_provision.year, e.provisions.clients_with_new_provision.year, `${where}/provisions/clients_with_new_provision/year`);
        for (const [mark, n] of Object.entries(e.satisfaction.distribution)) this.cell(`${at}|marks|${mark}|C${v.quarter}`, p.satisfaction.distribution[mark], n, `${where}/satisfaction/distribution/${mark}`);
        this.cell(`${at}|responses|C${v.quarter}`, p.satisfaction.responses, e.satisfaction.responses, `${where}/satisfaction/responses`);
        // The sum of the marks: known where the mean and the number of responses are both shown.
        const markSum = Object.entries(e.satisfaction.distribution).reduce((sum, [mark, n]) => sum + Number(mark) * n, 0);
        const sumShown = p.satisfaction.mean !== null && p.satisfaction.responses !== null;
        this.cell(`${at}|mark_sum|C${v.quarter}`, sumShown ? markSum : undefined, markSum, `${where}/satisfaction/mean × responses`, { count: false });
        for (const [type, counts] of Object.entries(e.zrm)) this.periods(`${at}|zrm|${type}`, `${where}/zrm/${type}`, v.quarter, p.zrm[type]!, counts);
      }

      // The identities of the definitions, per scope.
      const fullOf = (s: string) => full.find((v) => scopeOf(v) === s)!.exact;
      const cutoffs = (s: string) => ([1, 2, 3, 4] as const).map((q) => ofYear.find((v) => v.quarter === q && scopeOf(v) === s)!.exact);
      for (const s of scopes) {
        const at = `${year}|${s}`;
        const e = fullOf(s);
        for (const m of ['started', 'closed'] as const) this.additive(`${at}|${m}`, true);
        // Running = the stock at the start of the period + the cases started in it
        //         = the stock at the end of the period + the cases closed in it.
        const stockKey = (month: number) => (month === 0 ? `stock|${s}|${year}-01-01` : month === 12 ? `stock|${s}|${year + 1}-01-01` : `${at}|stock|${month}`);
        for (let month = 0; month <= 12; month++) {
          const value = month === 0 ? e.cases.running.months[0]! - e.cases.started.months[0]! : e.cases.running.months[month - 1]! - e.cases.closed.months[month - 1]!;
          this.virtual(stockKey(month), value);
        }
        const running = (period: string, from: number, to: number) => {
          this.sum(`${at}|running|${period}`, [stockKey(from), `${at}|started|${period}`]);
          this.sum(`${at}|running|${period}`, [stockKey(to), `${at}|closed|${period}`]);
        };
        for (let i = 0; i < 12; i++) running(`M${i}`, i, i + 1);
        for (let j = 0; j < 4; j++) running(`Q${j}`, 3 * j, 3 * j + 3);
        for (let q = 1; q <= 4; q++) running(`C${q}`, 0, 3 * q);
        this.equation([[`${at}|unique_clients|C1`, 1], [`${at}|unique_clients|Q0`, -1]]);
        this.cumulative(`${at}|unique_clients`, cutoffs(s).map((r) => r.unique_clients.year));
        for (const [table, total] of [['started_by_referrer', 'started'], ['closed_by_reason', 'closed']] as const) {
          const codes = Object.keys(e[table]);
          for (const code of codes) this.additive(`${at}|${table}|${code}`, false);
          for (const period of [...quarterOf(4).map((j) => `Q${j}`), 'C1', 'C2', 'C3', 'C4']) this.sum(`${at}|${total}|${period}`, codes.map((c) => `${at}|${table}|${c}|${period}`));
        }
        // Distinct clients per outcome: a client is rarely in two quarters or two teams, so they nearly add up; taken as adding up.
        for (const code of Object.keys(e.clients_by_outcome)) this.additive(`${at}|clients_by_outcome|${code}`, false);
        for (const category of new Set([...Object.keys(e.provisions.new_by_provider), ...Object.keys(e.provisions.new_by_product)])) {
          const providers = Object.keys(e.provisions.new_by_provider[category] ?? {}).map((c) => `${at}|new_by_provider|${category}|${c}`);
          const products = Object.keys(e.provisions.new_by_product[category] ?? {}).map((c) => `${at}|new_by_product|${category}|${c}`);
          for (const key of [...providers, ...products]) this.additive(key, false);
          for (const period of [...quarterOf(4).map((j) => `Q${j}`), 'C1', 'C2', 'C3', 'C4']) {
            this.equation([...providers.map((k): [string, number] => [`${k}|${period}`, 1]), ...products.map((k): [string, number] => [`${k}|${period}`, -1])]);
          }
        }
        this.additive(`${at}|extensions`, false);
        this.cumulative(`${at}|clients_with_new_provision`, cutoffs(s).map((r) => r.provisions.clients_with_new_provision.year));
        const marks = Object.keys(e.satisfaction.distribution);
        for (const mark of marks) this.cumulative(`${at}|marks|${mark}`, cutoffs(s).map((r) => r.satisfaction.distribution[mark]!));
        this.cumulative(`${at}|responses`, cutoffs(s).map((r) => r.satisfaction.responses));
        for (let q = 1; q <= 4; q++) {
          this.sum(`${at}|responses|C${q}`, marks.map((mark) => `${at}|marks|${mark}|C${q}`));
          this.equation([[`${at}|mark_sum|C${q}`, -1], ...marks.map((mark): [string, number] => [`${at}|marks|${mark}|C${q}`, Number(mark)])]);
        }
        for (const type of Object.keys(e.zrm)) this.additive(`${at}|zrm|${type}`, true);
      }
      // The organisation is the sum of its teams, cell by cell (unique clients by definition; the
      // distinct clients per outcome and with a new provision nearly, and taken so).
      for (const key of [...this.cells.keys()]) {
        const prefix = `${year}|org|`;
        if (!key.startsWith(prefix)) continue;
        const rest = key.slice(prefix.length);
        // A code no team has in its report (a provider name) is zero there.
        this.sum(key, teams.map((t) => `${year}|${t}|${rest}`).filter((k) => this.cells.has(k)));
      }
      for (const date of [`${year}-01-01`, `${year + 1}-01-01`]) this.sum(`stock|org|${date}`, teams.map((t) => `stock|${t}|${date}`));
    }
  }

  addZrm(variants: readonly ZrmVariant[]): void {
    for (const year of new Set(variants.map((v) => v.year))) {
      const ofYear = variants.filter((v) => v.year === year);
      const teams = ofYear.filter((v) => v.team !== null).map((v) => v.team!);
      for (const v of ofYear) {
        const s = v.team ?? 'org';
        for (const [domain, e] of Object.entries(v.exact.domains)) {
          const p = v.published.domains[domain]!;
          const at = `${year}|zrm-report|${s}|${domain}`;
          const where = `ZRM ${year} ${s}: /domains/${domain}`;
          this.cell(`${at}|n`, p.n, e.n, `${where}/n`);
          // Sums of the start and latest scores: known where the mean and n are both shown.
          for (const [mean, sumKey] of [['mean_start', 'start_sum'], ['mean_latest', 'latest_sum']] as const) {
            const exactSum = e[mean] === null ? 0 : Math.round(e[mean]! * e.n);
            const shown = p[mean] !== null && p.n !== null;
            this.cell(`${at}|${sumKey}`, shown ? exactSum : p[mean] === null && e[mean] !== null ? null : undefined, exactSum, `${where}/${mean} × n`, { count: false });
            if (p[mean] === null && e[mean] !== null) this.cells.get(`${at}|${sumKey}`)!.protectedSum = true;
          }
        }
      }
      // A client counted for the organisation is nearly always counted for exactly one team: taken as adding up.
      const org = ofYear.find((v) => v.team === null)!;
      for (const domain of Object.keys(org.exact.domains)) {
        for (const field of ['n', 'start_sum', 'latest_sum']) this.sum(`${year}|zrm-report|org|${domain}|${field}`, teams.map((t) => `${year}|zrm-report|${t}|${domain}|${field}`));
      }
    }
  }

  /**
   * The Uitstroom reports of a year (the organisation's and every team's), cells `<year>|flow|…`
   * with the identities of flow-attack.ts; and what links them to the annual reports: a case over
   * three months at a month end is open then, so the stock of open cases at that moment is the
   * cases over three months plus the open cases within three months of their first meeting or
   * without one, a population nobody publishes. (On a day that is no month end, asOf of the current
   * year, the stock is today's: the current year's end.) Add the year's annual reports first.
   */
  addFlow(year: number, variants: readonly FlowVariant[]): void {
    const flowWhere = (where: string) => `Uitstroom ${year} ${where}`;
    writeFlowIdentities(
      variants,
      {
        cell: (key, published, exact, where, options = {}) => {
          this.cell(key, published, exact, flowWhere(where), { count: options.count });
          if (options.protect && published === null) this.cells.get(key)!.protectedSum = true;
        },
        virtual: (key, exact) => this.virtual(key, exact),
        equation: (terms) => this.equation(terms),
      },
      `${year}|flow|`,
    );
    const org = variants.find((v) => v.team === null)!.exact;
    const moments = monthMoments({ year, asOf: org.asOf });
    for (const [s, figures] of [['org', org.total], ...Object.entries(org.teams)] as const) {
      moments.forEach((on, m) => {
        if (on === null) return;
        const monthEnd = new Date(Date.UTC(year, m + 1, 0)).toISOString().slice(0, 10);
        const stock = on !== monthEnd || m === 11 ? `stock|${s}|${year + 1}-01-01` : `${year}|${s}|stock|${m + 1}`;
        const known = this.cells.get(stock);
        if (!known) return;
        const over = `${year}|flow|${s}|overThreeMonths|M${m}`;
        const rest = `${year}|flow|${s}|openNotOverThreeMonths|M${m}`;
        this.virtual(rest, known.exact - figures.overThreeMonths.months[m]!);
        this.sum(stock, [over, rest]);
      });
    }
  }

  /**
   * The Cijfers page: its open cases per team are today's stock of open cases, which (nothing is
   * registered or closed in the future) is the stock on 1 January of next year: `stockDate`.
   */
  addFigures(figures: FiguresVariant, teams: readonly string[], stockDate: string): void {
    const fields = Object.keys(Object.values(figures.exact)[0] ?? {}).filter((f) => f !== 'meanDaysToFirstMeeting');
    for (const field of fields) {
      for (const team of teams) {
        const key = field === 'openCases' ? `stock|${team}|${stockDate}` : `figures|${team}|${field}`;
        const exact = figures.exact[team]?.[field];
        if (exact === undefined || exact === null) continue;
        this.cell(key, figures.published[team]?.[field], exact, `Cijfers ${team}: ${field}`);
      }
      if (field !== 'openCases') {
        const total = teams.reduce((sum, team) => sum + (figures.exact[team]?.[field] ?? 0), 0);
        this.virtual(`figures|org|${field}`, total);
        this.sum(`figures|org|${field}`, teams.filter((t) => figures.exact[t]).map((team) => `figures|${team}|${field}`));
      }
    }
  }

  run(): AttackResult {
    const unknownIndex = new Map<string, number>();
    for (const [key, cell] of this.cells) if (!cell.known) unknownIndex.set(key, unknownIndex.size);
    const rows: SparseRow[] = [];
    for (const equation of this.equations) {
      for (const key of equation.keys()) if (!this.cells.has(key)) throw new Error(`an identity names ${key}, which no report has`);
      const row = [...equation].filter(([key]) => unknownIndex.has(key)).map(([key, c]) => [unknownIndex.get(key)!, c] as const);
      if (row.length > 0) rows.push(row);
    }
    const { determined } = analyse({ rows });
    const keys = [...unknownIndex.keys()];
    const leaks: Leak[] = [];
    // Suppressed in one variant, shown in another.
    for (const [key, cell] of this.cells) if (cell.known && cell.suppressed) leaks.push({ cell: key, exact: cell.exact, why: 'published elsewhere', where: cell.where });
    for (const column of determined.keys()) {
      const key = keys[column]!;
      const cell = this.cells.get(key)!;
      const leak = (why: Leak['why']) => leaks.push({ cell: key, exact: cell.exact, why, where: cell.where });
      if (cell.protectedSum) leak('hidden mean');
      else if (cell.suppressed) leak('suppressed');
      else if (cell.exact > 0 && cell.exact < this.minCount && cell.virtual) leak('small population');
    }
    leaks.sort((a, b) => a.cell.localeCompare(b.cell));
    return { cells: this.cells.size, unknowns: unknownIndex.size, equations: rows.length, leaks, smallPublished: this.smallPublished, wrong: this.wrong };
  }
}
