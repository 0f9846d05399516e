// The ZRM progress report on the shared sample history: against an independent computation in this
// file (straight from the CSV files, per client in plain TypeScript), and against the independently
// computed shared/sample/expected-zrm-2016.json.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/database';
import { computeZrmFamily, computeZrmReport } from '../../src/server/modules/zrm/zrm-report';
import { zrmReport, type ZrmReport } from '../../src/server/modules/zrm/zrm.schemas';
import { signedRankTest, twoSidedNormalP } from '../../src/server/modules/zrm/wilcoxon';
import { compareReport, parseExpected } from './compare';
import { SAMPLE } from '../support/paths';
import { openSampleDatabase } from '../support/sample';

let database: Database;
let drop: () => Promise<void>;
let organisationId: string;

beforeAll(async () => {
  ({ database, drop, organisationId } = await openSampleDatabase());
});
afterAll(async () => drop());

/** The sample's zrm.csv and cases.csv have no quoted fields (checked here), so a plain split reads them. */
function readCsv(name: string): Record<string, string>[] {
  const text = fs.readFileSync(path.join(SAMPLE, 'data', name), 'utf8');
  expect(text).not.toContain('"');
  const [header, ...rows] = text.split(/\r?\n/).filter((line) => line !== '').map((line) => line.split(','));
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

/**
 * The definition, read literally, per client and domain over the rows of zrm.csv: the earliest
 * `nul` scoring the domain; the latest `periodiek`/`eind` scoring it dated in the year after that.
 * Returns the changes and the start and latest scores per domain.
 */
function independent(year: number, caseFilter?: (caseId: string) => boolean) {
  const rows = readCsv('zrm.csv').filter((r) => !caseFilter || caseFilter(r.case_id!));
  const domains = Object.keys(rows[0]!).filter((k) => !['assessment_id', 'case_id', 'client_id', 'assessed_on', 'type'].includes(k));
  const result: Record<string, { starts: number[]; latests: number[]; changes: number[] }> = {};
  for (const domain of domains) {
    const start = new Map<string, { on: string; score: number }>();
    for (const r of rows) {
      if (r.type !== 'nul' || r[domain] === '') continue;
      const seen = start.get(r.client_id!);
      if (!seen || r.assessed_on! < seen.on) start.set(r.client_id!, { on: r.assessed_on!, score: Number(r[domain]) });
    }
    const latest = new Map<string, { on: string; score: number }>();
    for (const r of rows) {
      if ((r.type !== 'periodiek' && r.type !== 'eind') || r[domain] === '' || !r.assessed_on!.startsWith(`${year}-`)) continue;
      const s = start.get(r.client_id!);
      if (!s || r.assessed_on! <= s.on) continue;
      const seen = latest.get(r.client_id!);
      if (!seen || r.assessed_on! > seen.on) latest.set(r.client_id!, { on: r.assessed_on!, score: Number(r[domain]) });
    }
    const clients = [...latest.keys()];
    result[domain] = {
      starts: clients.map((c) => start.get(c)!.score),
      latests: clients.map((c) => latest.get(c)!.score),
      changes: clients.map((c) => latest.get(c)!.score - start.get(c)!.score),
    };
  }
  return result;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const relative = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('ZRM report on the sample history', () => {
  let report: ZrmReport;
  let expected: { year: number; domains: Record<string, { n: number; mean_start: number; mean_latest: number; mean_change: number; p_wilcoxon: number; p_pratt: number }> };
  beforeAll(async () => {
    report = await computeZrmReport(database.db, organisationId, { year: 2016 });
    expected = JSON.parse(fs.readFileSync(path.join(SAMPLE, 'expected-zrm-2016.json'), 'utf8'));
  });

  it('has the shape of the contract, a domain per domain of the matrix', () => {
    expect(zrmReport.parse(report)).toEqual(report);
    expect(Object.keys(report.domains)).toEqual(Object.keys(expected.domains));
  });

  it('matches expected-zrm-2016.json the way the acceptance check compares (ints exact, numbers within 0.01)', () => {
    // The file has no p_value (it gives both conventions); compare the keys it has, and p_value
    // with the convention it names.
    const file = parseExpected(fs.readFileSync(path.join(SAMPLE, 'expected-zrm-2016.json'), 'utf8'));
    const comparable = {
      year: report.year,
      domains: Object.fromEntries(Object.entries(report.domains).map(([domain, { p_value: _p, p_value_method: _m, ...rest }]) => [domain, rest])),
    };
    expect(compareReport(comparable, file)).toEqual([]);
    for (const [domain, e] of Object.entries(expected.domains)) {
      const r = report.domains[domain]!;
      expect(Math.abs(r.p_value! - (r.p_value_method === 'pratt' ? e.p_pratt : e.p_wilcoxon)), domain).toBeLessThan(1e-12);
    }
  });

  it('gives exactly n and the rounded means of the file', () => {
    for (const [domain, e] of Object.entries(expected.domains)) {
      const r = report.domains[domain]!;
      expect({ n: r.n, mean_start: r.mean_start, mean_latest: r.mean_latest, mean_change: r.mean_change }, domain).toEqual({
        n: e.n,
        mean_start: e.mean_start,
        mean_latest: e.mean_latest,
        mean_change: e.mean_change,
      });
    }
  });

  it('gives the zeros-discarded p-value of the file to 1e-9 relative, and names it as p_value', () => {
    for (const [domain, e] of Object.entries(expected.domains)) {
      const r = report.domains[domain]!;
      expect(relative(r.p_wilcoxon!, e.p_wilcoxon), domain).toBeLessThan(1e-9);
      expect(r.p_value_method).toBe('wilcoxon');
      expect(r.p_value).toBe(r.p_wilcoxon);
    }
  });

  it("gives Pratt's p-value with the exact variance; the file's p_pratt follows when the zeros' tie term is subtracted as well", () => {
    const own = independent(2016);
    for (const [domain, e] of Object.entries(expected.domains)) {
      const pratt = signedRankTest(own[domain]!.changes, 'pratt');
      expect(report.domains[domain]!.p_pratt, domain).toBe(pratt.pValue);
      // The file's variance: (z³ − z)/48 smaller, the tie term of the group of zeros counted too.
      const z = pratt.zeros;
      const fileVariance = pratt.variance - (z ** 3 - z) / 48;
      const fileP = twoSidedNormalP((pratt.tPlus - pratt.mean) / Math.sqrt(fileVariance));
      expect(relative(fileP, e.p_pratt), domain).toBeLessThan(1e-9);
      // ... and that is a real difference, not rounding: the exact p-value is larger.
      expect(pratt.pValue!, domain).toBeGreaterThan(e.p_pratt * 1.05);
    }
  });

  it('equals the independent computation from the CSV files, per domain', () => {
    const own = independent(2016);
    for (const [domain, d] of Object.entries(own)) {
      const r = report.domains[domain]!;
      expect(r.n, domain).toBe(d.changes.length);
      expect(r.mean_start, domain).toBeCloseTo(mean(d.starts), 2);
      expect(r.mean_latest, domain).toBeCloseTo(mean(d.latests), 2);
      expect(r.mean_change, domain).toBeCloseTo(mean(d.changes), 2);
      expect(r.p_wilcoxon, domain).toBe(signedRankTest(d.changes, 'wilcoxon').pValue);
    }
  });

  for (const year of [2015, 2017]) {
    it(`equals the independent computation for ${year}`, async () => {
      const r = await computeZrmReport(database.db, organisationId, { year });
      const own = independent(year);
      for (const [domain, d] of Object.entries(own)) {
        expect(r.domains[domain]!.n, domain).toBe(d.changes.length);
        expect(r.domains[domain]!.p_pratt, domain).toBe(signedRankTest(d.changes, 'pratt').pValue);
      }
    });
  }

  it('restricts a team report to the assessments of that team', async () => {
    const teamOf = new Map(readCsv('cases.csv').map((c) => [c.case_id!, c.team_code!]));
    const west = await computeZrmReport(database.db, organisationId, { year: 2016, teamCode: 'west' });
    const own = independent(2016, (caseId) => teamOf.get(caseId) === 'west');
    for (const [domain, d] of Object.entries(own)) {
      expect(west.domains[domain]!.n, domain).toBe(d.changes.length);
      expect(west.domains[domain]!.p_wilcoxon, domain).toBe(signedRankTest(d.changes, 'wilcoxon').pValue);
    }
    expect(west.domains.financien!.n).toBeGreaterThan(0);
    expect(west.domains.financien!.n).toBeLessThan(report.domains.financien!.n);
  });

  it("computes the organisation's and every team's report at once (the analyst's family) exactly as one by one", async () => {
    const teamCodes = [...new Set(readCsv('cases.csv').map((c) => c.team_code!))];
    for (const year of [2015, 2016, 2017]) {
      const family = await computeZrmFamily(database.db, organisationId, year);
      expect(family.get(null), `${year}`).toEqual(await computeZrmReport(database.db, organisationId, { year }));
      for (const teamCode of teamCodes) expect(family.get(teamCode), `${year} ${teamCode}`).toEqual(await computeZrmReport(database.db, organisationId, { year, teamCode }));
      // A real check: some team has clients with progress.
      expect([...family.values()].filter((r) => (r.domains.financien?.n ?? 0) > 0).length).toBeGreaterThan(1);
    }
  });
});
